import { useEnumLabel } from '../i18n/hooks.ts';
import { Tag, type TagTone } from './states.tsx';

const levelTones: Record<string, TagTone> = { A: 'red', B: 'orange', C: 'blue', D: 'grey' };
const statusTones: Record<string, TagTone> = { active: 'green', dormant: 'gold', lost: 'grey' };

export function LevelTag({ level }: { level: string | null | undefined }) {
  const label = useEnumLabel()('level', level);
  return label ? <Tag tone={levelTones[level ?? '']}>{label}</Tag> : null;
}

export function StatusTag({ status }: { status: string | null | undefined }) {
  const label = useEnumLabel()('customerStatus', status);
  return label ? <Tag tone={statusTones[status ?? '']}>{label}</Tag> : null;
}
