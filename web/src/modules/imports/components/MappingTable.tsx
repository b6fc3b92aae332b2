import { useState } from 'react';
import { Alert, Button, Select, Table, type TableProps } from 'antd';
import { isApiError } from '../../../app/api/client.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { showToast } from '../../../app/ui/toast.tsx';
import { saveMapping, type ImportChannel, type MappingRule } from '../api/imports.ts';
import { useImportsT } from '../i18n/index.ts';

/**
 * The import channel's mapping, one row per rule: which column of this file feeds which customer
 * field. Saving goes to the channel (PATCH /channels/{id}), whose type check answers
 * MAPPING_LOSSY / MAPPING_INVALID per rule; those messages show on their rows.
 */
export function MappingTable({
  channel,
  columns,
  onSaved,
}: {
  channel: ImportChannel;
  columns: string[];
  onSaved: (channel: ImportChannel) => void;
}) {
  const { t } = useImportsT();
  const { t: appT } = useTranslation();
  const [rules, setRules] = useState<MappingRule[]>(channel.mapping);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<Map<number, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const fieldLabel = (target: string) => appT(`customer.fields.${target}` as MessageKey, { defaultValue: target });

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      const saved = await saveMapping(channel, rules);
      setProblems(new Map());
      showToast(t('mapping.saved'));
      onSaved(saved.data);
    } catch (error) {
      if (isApiError(error) && error.fields.length) {
        const byRule = new Map<number, string>();
        for (const field of error.fields) {
          const index = Number(/^mapping\[(\d+)\]/.exec(field.path)?.[1] ?? -1);
          if (index >= 0) byRule.set(index, field.message);
        }
        setProblems(byRule);
      }
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const tableColumns: TableProps<MappingRule & { index: number }>['columns'] = [
    {
      key: 'target',
      title: t('mapping.target'),
      render: (_, rule) => (
        <>
          <strong>{fieldLabel(rule.target)}</strong> <code>{rule.target}</code>
        </>
      ),
    },
    {
      key: 'source',
      title: t('mapping.column'),
      render: (_, rule) => (
        <>
          <Select
            aria-label={`${t('mapping.column')}: ${fieldLabel(rule.target)}`}
            value={rule.source}
            style={{ minWidth: 200 }}
            options={[...new Set([rule.source, ...columns])].map((c) => ({
              value: c,
              label: columns.includes(c) ? c : `${c} ${t('mapping.none')}`,
            }))}
            onChange={(source: string) =>
              setRules((all) => all.map((r, i) => (i === rule.index ? { ...r, source } : r)))
            }
          />
          {problems.get(rule.index) && (
            <div role="alert" className="imports-error" style={{ marginTop: 4 }}>
              {problems.get(rule.index)}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'transforms',
      title: t('mapping.transforms'),
      render: (_, rule) => (rule.transforms ?? []).map((x) => x.op).join(' → ') || '—',
    },
  ];

  return (
    <section aria-labelledby="imports-mapping">
      <h2 id="imports-mapping">{t('steps.mapping')}</h2>
      <p>{t('mapping.intro')}</p>
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        columns={tableColumns}
        dataSource={rules.map((r, index) => ({ ...r, index }))}
      />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
      <Button onClick={() => void save()} loading={saving} style={{ marginTop: 8 }}>
        {t('mapping.save')}
      </Button>
    </section>
  );
}
