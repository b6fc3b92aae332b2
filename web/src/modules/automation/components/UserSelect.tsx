import { Select } from 'antd';
import { useUserOptions } from '../../users/api/users.ts';
import type { ControlProps } from './Field.tsx';

/**
 * The rule editor's one choice of a user (rule owner, service identity, recipient, new owner): the
 * company's active users by name, searchable. `allowClear` lets the field be emptied (onChange
 * then gets `undefined`).
 */
export function UserSelect({
  a11y,
  value,
  onChange,
  minWidth = 180,
  placeholder,
  allowClear,
}: {
  a11y: ControlProps;
  value: string | undefined;
  onChange: (userId: string | undefined) => void;
  minWidth?: number;
  placeholder?: string;
  allowClear?: boolean;
}) {
  const users = useUserOptions();
  return (
    <Select
      {...a11y}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      style={{ minWidth }}
      value={value}
      placeholder={placeholder}
      options={users}
      onChange={(userId?: string) => onChange(userId)}
    />
  );
}
