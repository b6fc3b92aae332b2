import type { ReactNode } from 'react';
import { FieldList, type FieldItem } from '../FieldList.tsx';

interface RecordCardProps {
  title: ReactNode;
  extra?: ReactNode;
  fields: FieldItem[];
  actions?: ReactNode;
  children?: ReactNode;
}

/** One related record (contact, opportunity, …) as a small card; the same on phone and desk. */
export function RecordCard({ title, extra, fields, actions, children }: RecordCardProps) {
  return (
    <article className="record-card">
      <header className="record-card__head">
        <h3 className="record-card__title">{title}</h3>
        {extra}
      </header>
      <FieldList items={fields} />
      {children}
      {actions && <div className="record-card__actions">{actions}</div>}
    </article>
  );
}
