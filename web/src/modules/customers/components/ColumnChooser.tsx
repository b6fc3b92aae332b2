import { useId, useState } from 'react';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslation } from '../../../app/i18n/index.ts';
import { DEFAULT_COLUMNS, type CustomerColumn } from './columns.tsx';

interface ColumnChooserProps {
  columns: CustomerColumn[];
  visible: string[];
  onChange: (keys: string[]) => void;
}

/** Which columns the desk table shows (custom fields included); the name column always stays. */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const content = (
    <div
      className="column-chooser"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <p id={titleId} className="column-chooser__title">
        {t('list.columns')}
      </p>
      <Checkbox.Group
        value={visible}
        onChange={(keys) => onChange(columns.map((c) => c.key).filter((key) => key === 'name' || keys.includes(key)))}
        className="column-chooser__list"
      >
        {columns.map((column) => (
          <Checkbox key={column.key} value={column.key} disabled={column.key === 'name'}>
            {column.title}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Button size="small" type="link" onClick={() => onChange(DEFAULT_COLUMNS)}>
        {t('list.resetColumns')}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button aria-expanded={open}>{t('list.columns')}</Button>
    </Popover>
  );
}
