import { Alert, Table, Tag, type TableProps } from 'antd';
import { labelOf, useAccessT } from '../i18n/index.ts';
import { Link } from 'wouter';
import type { SimulateEffect, SimulateResult } from '../api/access.ts';
import { EmptyBlock } from './shared.tsx';

const recordPath: Record<string, string> = { customer: '/customers/' };

function Samples({ object, ids, total }: { object: string; ids: string[]; total: number }) {
  const { t } = useAccessT();
  if (!ids.length) return null;
  const base = recordPath[object];
  return (
    <span className="acc-samples">
      {ids.map((id) =>
        base ? (
          <Link key={id} to={`${base}${encodeURIComponent(id)}`} title={id}>
            …{id.slice(-8)}
          </Link>
        ) : (
          <span key={id} title={id}>
            …{id.slice(-8)}
          </span>
        ),
      )}
      {total > ids.length && <span className="acc-muted">{t('simulate.sampleMore', { count: total })}</span>}
    </span>
  );
}

/** Per affected user: records and actions gained or lost (counts + sample ids), system permissions, new risks in red. */
export function SimulationResultView({ result }: { result: SimulateResult }) {
  const { t } = useAccessT();

  const columns: TableProps<SimulateEffect>['columns'] = [
    {
      key: 'what',
      title: t('simulate.objectAction'),
      render: (_, e) => `${labelOf(t, 'object', e.object)} · ${labelOf(t, 'action', e.action)}`,
    },
    {
      key: 'gained',
      title: t('simulate.gained'),
      align: 'right',
      render: (_, e) =>
        e.gained ? (
          <span className="acc-gain">{t('simulate.gainedCount', { count: e.gained })}</span>
        ) : (
          <span className="acc-muted">0</span>
        ),
    },
    {
      key: 'lost',
      title: t('simulate.lost'),
      align: 'right',
      render: (_, e) =>
        e.lost ? (
          <span className="acc-loss">{t('simulate.lostCount', { count: e.lost })}</span>
        ) : (
          <span className="acc-muted">0</span>
        ),
    },
    {
      key: 'samples',
      title: t('simulate.samples'),
      render: (_, e) => (
        <>
          {e.gainedSample.length > 0 && (
            <div>
              <span className="acc-gain">{t('simulate.gained')}: </span>
              <Samples object={e.object} ids={e.gainedSample} total={e.gained} />
            </div>
          )}
          {e.lostSample.length > 0 && (
            <div>
              <span className="acc-loss">{t('simulate.lost')}: </span>
              <Samples object={e.object} ids={e.lostSample} total={e.lost} />
            </div>
          )}
        </>
      ),
    },
  ];

  return (
    <div aria-live="polite">
      <Alert type="info" showIcon message={t('simulate.nothingChanged')} className="acc-error" />
      <p>
        <strong>{t('simulate.resultSummary', { count: result.changes, users: result.users.length })}</strong>
      </p>
      {result.users.length === 0 ? (
        <EmptyBlock>{t('simulate.noUsers')}</EmptyBlock>
      ) : (
        result.users.map((user) => {
          const gained = user.effects.reduce((sum, e) => sum + e.gained, 0);
          const lost = user.effects.reduce((sum, e) => sum + e.lost, 0);
          return (
            <section key={user.userId} className="acc-card acc-user-result" aria-labelledby={`sim-${user.userId}`}>
              <div className="acc-user-result__head">
                <h3 id={`sim-${user.userId}`}>
                  {t('simulate.userTitle', { name: user.displayName, username: user.username })}
                </h3>
                <span>
                  <span className="acc-gain">{t('simulate.gainedCount', { count: gained })}</span>
                  {' / '}
                  <span className="acc-loss">{t('simulate.lostCount', { count: lost })}</span>
                </span>
              </div>
              {user.newRisks.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  className="acc-error"
                  message={t('simulate.newRisks')}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {user.newRisks.map((risk) => (
                        <li key={risk} className="acc-risk">
                          {labelOf(t, 'simulate.risk', risk)}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              {(user.systemGained.length > 0 || user.systemLost.length > 0) && (
                <p>
                  {user.systemGained.length > 0 && (
                    <span style={{ marginInlineEnd: 16 }}>
                      {t('simulate.systemGained')}:{' '}
                      {user.systemGained.map((p) => (
                        <Tag key={p} color="success">
                          + {labelOf(t, 'system', p)}
                        </Tag>
                      ))}
                    </span>
                  )}
                  {user.systemLost.length > 0 && (
                    <span>
                      {t('simulate.systemLost')}:{' '}
                      {user.systemLost.map((p) => (
                        <Tag key={p} color="error">
                          − {labelOf(t, 'system', p)}
                        </Tag>
                      ))}
                    </span>
                  )}
                </p>
              )}
              {user.effects.length === 0 ? (
                <p className="acc-muted">{t('simulate.noEffects')}</p>
              ) : (
                <Table<SimulateEffect>
                  size="small"
                  rowKey={(e) => `${e.object}.${e.action}`}
                  columns={columns}
                  dataSource={user.effects}
                  pagination={false}
                />
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
