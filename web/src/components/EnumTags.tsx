import { Tag } from 'antd';
import { useEnumLabel } from '../i18n/hooks.ts';

const levelColors: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };
const statusColors: Record<string, string> = { active: 'green', dormant: 'gold', lost: 'default' };

export function LevelTag({ level }: { level: string | null | undefined }) {
  const label = useEnumLabel()('level', level);
  return label ? <Tag color={levelColors[level ?? '']}>{label}</Tag> : null;
}

export function StatusTag({ status }: { status: string | null | undefined }) {
  const label = useEnumLabel()('customerStatus', status);
  return label ? <Tag color={statusColors[status ?? '']}>{label}</Tag> : null;
}
