import { useState } from 'react';
import { Button, Modal, Radio } from 'antd';
import { useTranslation } from '../i18n/index.ts';
import type { FieldSpec, RecordFormState } from './useRecordForm.ts';
import { same } from './values.ts';

/** 409 VERSION_CONFLICT: reload the other person's version, or compare field by field and save the chosen values. */
export function ConflictDialog({ state }: { state: RecordFormState }) {
  const { t } = useTranslation();
  const conflict = state.conflict!;
  const [comparing, setComparing] = useState(false);
  const show = (spec: FieldSpec, value: unknown) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length))
      return t('common.none');
    if (spec.display) return spec.display(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const rows = conflict.fields.filter((spec) => !same(conflict.mine[spec.name], conflict.server[spec.name]));
  // What I changed keeps my value by default; what only the other person changed keeps theirs.
  const edited = (name: string) => !same(conflict.mine[name], conflict.original[name]);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'server'>>(() =>
    Object.fromEntries(rows.map((r) => [r.name, edited(r.name) ? 'mine' : 'server'])),
  );
  return (
    <Modal
      open
      title={t('conflict.title')}
      onCancel={state.closeConflict}
      width={comparing ? 760 : 480}
      footer={
        comparing
          ? [
              <Button key="back" onClick={() => setComparing(false)}>
                {t('common.back')}
              </Button>,
              <Button
                key="save"
                type="primary"
                onClick={() =>
                  state.applyMerge(
                    Object.fromEntries(
                      rows.map((r) => [
                        r.name,
                        choice[r.name] === 'server' ? conflict.server[r.name] : conflict.mine[r.name],
                      ]),
                    ),
                  )
                }
              >
                {t('conflict.saveChosen')}
              </Button>,
            ]
          : [
              <Button key="reload" onClick={state.reload}>
                {t('conflict.reload')}
              </Button>,
              <Button key="compare" type="primary" onClick={() => setComparing(true)}>
                {t('conflict.compare')}
              </Button>,
            ]
      }
    >
      <p>{t('conflict.message')}</p>
      {comparing &&
        (rows.length ? (
          <div className="table-scroll">
            <table className="mini-table compare">
              <thead>
                <tr>
                  <th scope="col">{t('history.field')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                  <th scope="col">{t('conflict.server')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((spec) => (
                  <tr key={spec.name}>
                    <th scope="row">
                      {spec.label}
                      {edited(spec.name) && <span className="muted small"> · {t('conflict.edited')}</span>}
                    </th>
                    <td colSpan={2}>
                      <Radio.Group
                        className="compare__choice"
                        aria-label={spec.label}
                        value={choice[spec.name]}
                        onChange={(event) =>
                          setChoice((c) => ({ ...c, [spec.name]: event.target.value as 'mine' | 'server' }))
                        }
                      >
                        <Radio value="mine">{show(spec, conflict.mine[spec.name])}</Radio>
                        <Radio value="server">{show(spec, conflict.server[spec.name])}</Radio>
                      </Radio.Group>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('conflict.noDifference')}</p>
        ))}
    </Modal>
  );
}
