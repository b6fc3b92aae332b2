import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { translate, useTranslation } from '../../../app/i18n/index.ts';
import { loadAutomationMessages } from '../i18n/catalog.ts';
import { manualRulesQuery } from './contract.ts';

/**
 * A list's row selection, offered only when there is something to do with the chosen rows: a
 * manual rule this user may start on the object. The rows' checkbox labels come from the
 * automation catalog, so the selection appears once that catalog has loaded.
 */
export function useManualRuleSelection(object: string) {
  const { i18n } = useTranslation();
  const rules = useQuery(manualRulesQuery(object));
  const hasRules = Boolean(rules.data?.length);
  const messages = useQuery({
    queryKey: ['i18n', 'automation', i18n.language],
    queryFn: () => loadAutomationMessages().then(() => true),
    enabled: hasRules,
    staleTime: Infinity,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const selection =
    hasRules && messages.isSuccess
      ? {
          selected,
          onChange: setSelected,
          label: (row: { name?: string | null }) => translate('automation.buttons.selectRow', { name: row.name ?? '' }),
        }
      : undefined;
  return { selection, selected, clear: () => setSelected([]) };
}
