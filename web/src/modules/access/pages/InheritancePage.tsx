import { Alert, Table, Tag, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useAccessT } from '../i18n/index.ts';
import { Link } from 'wouter';
import { auditQuery, type AuditRole } from '../api/access.ts';
import { AccessPage, Chain, EmptyBlock, Loading, RoleStatusTag, suspensionText } from '../components/shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

/** 继承审计: every role's chain, and the alert list (over depth 2, cycles, suspended). */
export default function InheritancePage() {
  const { t } = useAccessT();
  const audit = useQuery(auditQuery);
  const max = audit.data?.maxDepth ?? 2;

  const columns: TableProps<AuditRole>['columns'] = [
    { key: 'role', title: t('inheritance.role'), render: (_, r) => <strong>{r.name}</strong> },
    {
      key: 'chain',
      title: t('inheritance.chain'),
      render: (_, r) => (
        <>
          <Chain names={r.chain} /> {r.cycle && <Tag color="error">{t('inheritance.cycleTag')}</Tag>}
        </>
      ),
    },
    {
      key: 'depth',
      title: t('inheritance.depth'),
      align: 'right',
      render: (_, r) => {
        const over = r.depth > max;
        return (
          <span className={over ? 'acc-loss' : undefined}>
            {t('chain.depth', { count: r.depth })}
            {over && <span className="sr-only"> — {t('inheritance.maxDepth', { max })}</span>}
          </span>
        );
      },
    },
    {
      key: 'bar',
      title: <span className="sr-only">{t('inheritance.maxDepth', { max })}</span>,
      render: (_, r) => (
        <span aria-hidden="true" style={{ display: 'inline-flex', gap: 3 }}>
          {Array.from({ length: Math.max(r.depth, max) }, (_, i) => (
            <span
              key={i}
              style={{
                width: 18,
                height: 8,
                borderRadius: 2,
                background: i < r.depth ? (i >= max ? '#b3261e' : '#1f6f5c') : '#e6e6e6',
              }}
            />
          ))}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('inheritance.status'),
      render: (_, r) => {
        const reason = suspensionText(t, r);
        return (
          <>
            <RoleStatusTag role={r} />
            {reason && (
              <div className="acc-loss" style={{ fontWeight: 400, fontSize: 12, marginTop: 4 }}>
                {reason}
              </div>
            )}
          </>
        );
      },
    },
  ];

  return (
    <AccessPage title={t('title.inheritance')} intro={t('inheritance.intro', { max })}>
      {audit.isPending ? (
        <Loading rows={6} />
      ) : audit.isError ? (
        <ErrorBlock error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
      ) : (
        <>
          <section className="acc-card" aria-labelledby="inheritance-alerts">
            <h2 id="inheritance-alerts">
              {t('inheritance.alerts')}
              {audit.data.alerts.length > 0 && (
                <span className="acc-loss"> · {t('inheritance.alertsCount', { count: audit.data.alerts.length })}</span>
              )}
            </h2>
            {audit.data.alerts.length === 0 ? (
              <Alert type="success" showIcon message={t('inheritance.noAlerts', { max })} />
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
                {audit.data.alerts.map((alert) => (
                  <li key={alert.roleId}>
                    <Alert
                      type="error"
                      showIcon
                      message={
                        <>
                          <strong>{alert.name}</strong> —{' '}
                          {suspensionText(t, {
                            chain: alert.chain,
                            depth: alert.depth,
                            status: 'suspended',
                            suspendedReason: alert.reason,
                          })}
                        </>
                      }
                      description={
                        <>
                          <div>
                            <Chain names={alert.chain} />
                          </div>
                          <div style={{ marginTop: 6 }}>{t('inheritance.fix', { max })}</div>
                          <div className="acc-muted" style={{ marginTop: 4 }}>
                            {t('inheritance.serverReason', { reason: alert.reason })}
                          </div>
                        </>
                      }
                      action={
                        <Link to={`/access/roles?edit=${encodeURIComponent(alert.roleId)}`}>
                          {t('inheritance.fixButton', { name: alert.name })}
                        </Link>
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="acc-card" aria-labelledby="inheritance-chains">
            <h2 id="inheritance-chains">
              {t('inheritance.chains')} <span className="acc-muted">({t('inheritance.maxDepth', { max })})</span>
            </h2>
            {audit.data.roles.length === 0 ? (
              <EmptyBlock>{t('inheritance.empty')}</EmptyBlock>
            ) : (
              <Table<AuditRole>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={audit.data.roles}
                pagination={false}
                onRow={(r) =>
                  r.suspendedReason || r.depth > max || r.cycle ? { style: { background: '#fdecea' } } : {}
                }
                scroll={{ x: 'max-content' }}
              />
            )}
          </section>
        </>
      )}
    </AccessPage>
  );
}
