import { use } from 'react';
import { Button } from 'antd';
import { loadAutomationMessages } from '../i18n/catalog.ts';
import { useAutomationT } from '../i18n/index.ts';
import ManualRuleMenu from './ManualRuleMenu.tsx';

interface ManualRuleBulkBarProps {
  object: string;
  recordIds: string[];
  onClear: () => void;
  onDone?: () => void;
}

/** A list selection's bar: how many records are chosen, the 自动化 ▾ menu for them, and 清除选择. */
export default function ManualRuleBulkBar({ object, recordIds, onClear, onDone }: ManualRuleBulkBarProps) {
  use(loadAutomationMessages());
  const { t } = useAutomationT();
  const count = t('buttons.bulkSelected', { count: recordIds.length });
  return (
    <div className="bulk-bar" role="region" aria-label={count} data-testid="bulk-bar">
      <span className="bulk-bar__count">{count}</span>
      <ManualRuleMenu object={object} recordIds={recordIds} onDone={onDone} />
      <Button type="link" onClick={onClear}>
        {t('buttons.clearSelection')}
      </Button>
    </div>
  );
}
