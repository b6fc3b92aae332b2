import { Tag } from 'antd';
import { labelOf, useAutomationT } from '../i18n/index.ts';

const colors: Record<string, string> = {
  succeeded: 'green',
  failed: 'red',
  stopped: 'orange',
  rate_limited: 'orange',
  running: 'blue',
  skipped: 'default',
};

/** A run's status as a coloured tag (the text says it; the colour only repeats it). */
export function RunStatusTag({ status }: { status: string }) {
  const { t } = useAutomationT();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="run-status" data-status={status}>
      {labelOf(t, 'status', status)}
    </Tag>
  );
}
