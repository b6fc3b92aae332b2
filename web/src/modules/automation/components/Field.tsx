import { createContext, useContext, useId, type ReactNode } from 'react';

/** The server's problems by place (rule-model.ts problemsByPath). */
export const ProblemsContext = createContext<Map<string, string>>(new Map());

/** What a control needs to be labelled and to carry its field's problem. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  status?: 'error';
}

/**
 * One labelled field of the rule editor. `path` is its place in the rule as the server names it
 * (`conditions.all.1.value`): a problem the server reported there is shown right under it.
 * Without a visible label, `ariaLabel` names the control.
 */
export function Field({
  path,
  label,
  hint,
  className,
  control,
}: {
  path: string;
  label?: ReactNode;
  hint?: ReactNode;
  className?: string;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const problem = useContext(ProblemsContext).get(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`auto-field${problem ? ' has-problem' : ''}${className ? ` ${className}` : ''}`} data-path={path}>
      {label && (
        <label className="auto-field__label" htmlFor={id}>
          {label}
        </label>
      )}
      {control({
        id,
        ...(problem ? { 'aria-invalid': true, status: 'error' as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {problem && (
        <div id={errorId} className="auto-field__error" data-testid="field-problem" data-path={path}>
          {problem}
        </div>
      )}
      {hint && (
        <div id={hintId} className="auto-field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}
