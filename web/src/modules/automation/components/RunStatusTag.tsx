import { Tag, type TagTone } from '../../../app/ui/states.tsx';
import { labelOf, useAutomationT } from '../i18n/index.ts';

const tones: Record<string, TagTone> = {
  succeeded: 'green',
  failed: 'red',
  stopped: 'orange',
  rate_limited: 'orange',
  running: 'blue',
  skipped: 'grey',
};

/** A run's status as a tag (the text says it; the tone only repeats it). */
export function RunStatusTag({ status }: { status: string }) {
  const { t } = useAutomationT();
  return (
    <span data-testid="run-status" data-status={status}>
      <Tag tone={tones[status] ?? 'grey'}>{labelOf(t, 'status', status)}</Tag>
    </span>
  );
}
