import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';
import { useCustomerNames } from '../../customers/api/customerNames.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { EmptyState, Skeleton, Tag } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';

type Todo = components['schemas']['Todo'];
type Due = 'today' | 'overdue';

/**
 * "待办": my to-dos (rule actions, overdue next steps of my team) and the next steps of my
 * follow-ups, due today or overdue, by due time (GET /api/v1/todos). Done in one tap.
 */
export default function TodosPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.todos'));
  const format = useFormat();
  const queryClient = useQueryClient();
  const [due, setDue] = useState<Due>('today');
  const list = useQuery({
    queryKey: ['todos', due],
    queryFn: ({ signal }) => api.get<{ data: Todo[] }>('/todos', { due, limit: 200 }, signal).then((r) => r.data),
  });
  const rows = list.data ?? [];
  const customers = useCustomerNames(rows.map((r) => r.customerId).filter((id): id is string => Boolean(id)));
  const now = Date.now();

  const done = async (todo: Todo) => {
    try {
      await api.post(`/todos/${encodeURIComponent(todo.id)}/complete`);
      queryClient.setQueryData<Todo[]>(['todos', due], (current) => current?.filter((r) => r.id !== todo.id));
      showToast(t('todos.done'));
      void queryClient.invalidateQueries({ queryKey: ['todos'] });
    } catch (error) {
      showToast(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  return (
    <div className="page">
      <h1 className="page__title">{t('nav.todos')}</h1>
      <p className="muted small">{t('todos.hint')}</p>
      <div className="segmented" role="group" aria-label={t('todos.filter')}>
        {(['today', 'overdue'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={value === due ? 'btn btn--small btn--primary' : 'btn btn--small'}
            aria-pressed={value === due}
            onClick={() => setDue(value)}
          >
            {t(value === 'today' ? 'todos.today' : 'todos.overdueOnly')}
          </button>
        ))}
      </div>
      <div className="m-card list-card">
        {list.isPending ? (
          <Skeleton rows={6} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : !rows.length ? (
          <EmptyState title={t('todos.empty')} />
        ) : (
          <ul className="todo-list" data-testid="todo-list">
            {rows.map((todo) => {
              const overdue = new Date(todo.dueAt).getTime() < now;
              const title = todo.title ?? t('todos.nextStep');
              return (
                <li key={todo.id} className="todo">
                  <div className="todo__main">
                    <span className="todo__title">{title}</span>
                    <span className="muted small">
                      {todo.kind === 'nextStep' ? t('todos.nextStep') : todo.ruleId ? null : t('todos.escalation')}
                      {todo.kind === 'nextStep' || !todo.ruleId ? ' · ' : null}
                      {todo.customerId && (
                        <>
                          <Link to={`/customers/${encodeURIComponent(todo.customerId)}`}>
                            {customers.get(todo.customerId) ?? t('todos.open')}
                          </Link>
                          {' · '}
                        </>
                      )}
                      <time dateTime={todo.dueAt}>{format.dateTime(todo.dueAt)}</time>
                    </span>
                  </div>
                  {overdue && <Tag tone="red">{t('todos.overdue')}</Tag>}
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => void done(todo)}
                    aria-label={`${t('todos.markDone')} ${title}`}
                  >
                    {t('todos.markDone')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
