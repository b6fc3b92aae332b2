import type { ReactNode } from 'react';
import { FieldList, type FieldItem } from '../FieldList.tsx';

interface RecordCardProps {
  title: ReactNode;
  extra?: ReactNode;
  fields: FieldItem[];
}

/** One related record (contact, opportunity, …) as a small card; works the same on phone and desktop. */
export function RecordCard({ title, extra, fields }: RecordCardProps) {
  return (
    <article className="record-card">
      <header className="record-card__head">
        <h2 className="record-card__title">{title}</h2>
        {extra}
      </header>
      <FieldList items={fields} />
    </article>
  );
}
