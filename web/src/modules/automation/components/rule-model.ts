/**
 * The rule editor's model: blank nodes of each kind, a typed value from what was typed, and the
 * server's 400 problems keyed by their place (`conditions.all.1.value`) for the field showing it.
 */
import type { FieldIssue } from '../../../app/api/client.ts';
import type { Action, Condition, Rule, RuleInput, Scalar, Trigger } from '../api/automation.ts';

export const triggerObjects = [
  'customer',
  'contact',
  'opportunity',
  'followup',
  'contract',
  'payment',
  'order',
] as const;
export const recordEvents = ['created', 'updated', 'deleted'] as const;
export const triggerTypes = [
  'record',
  'call',
  'imFileSent',
  'transcriptReady',
  'intakeApplied',
  'schedule',
  'relative',
  'manual',
] as const satisfies ReadonlyArray<Trigger['type']>;
export const conditionOps = [
  'and',
  'or',
  'not',
  'compare',
  'in',
  'isEmpty',
  'changed',
] as const satisfies ReadonlyArray<Condition['op']>;
export const compareOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export const actionTypes = [
  'createFollowup',
  'updateFields',
  'createTodo',
  'notify',
  'assignOwner',
  'webhook',
  'startApproval',
] as const satisfies ReadonlyArray<Action['type']>;
export const followupStatuses = ['initial_contact', 'deep_talk', 'proposal_sent', 'awaiting_reply', 'closed'] as const;
export const followupKinds = ['call', 'visit', 'im', 'meeting', 'email', 'other'] as const;

export function blankTrigger(type: Trigger['type']): Trigger {
  switch (type) {
    case 'record':
      return { type, object: 'customer', on: 'created' };
    case 'call':
    case 'imFileSent':
    case 'transcriptReady':
    case 'intakeApplied':
      return { type };
    case 'schedule':
      return { type, cron: '0 8 * * 1-5' };
    case 'relative':
      return { type, object: 'contract', field: 'endDate', offsetDays: -7, at: '09:00' };
    case 'manual':
      return { type, object: 'customer' };
  }
}

export function blankCondition(op: Condition['op'], field = ''): Condition {
  switch (op) {
    case 'and':
      return { op, all: [blankCondition('compare')] };
    case 'or':
      return { op, any: [blankCondition('compare')] };
    case 'not':
      return { op, condition: blankCondition('compare') };
    case 'compare':
      return { op, field, cmp: 'eq', value: '' };
    case 'in':
      return { op, field, values: [''] };
    case 'isEmpty':
      return { op, field };
    case 'changed':
      return { op, field };
  }
}

/** The field a leaf names (kept when the operator changes), or '' for a group. */
export const fieldOf = (c: Condition) => ('field' in c ? c.field : '');

export function blankAction(type: Action['type']): Action {
  switch (type) {
    case 'createFollowup':
      return { type, status: 'deep_talk', kind: 'call', template: '' };
    case 'updateFields':
      return { type, fields: { '': '' } };
    case 'createTodo':
      return { type, assignee: { kind: 'recordOwner' }, title: '', dueInMinutes: 60 };
    case 'notify':
      return { type, recipient: { kind: 'ruleOwner' }, message: '' };
    case 'assignOwner':
      return { type };
    case 'webhook':
      return { type, url: 'https://' };
    case 'startApproval':
      return { type };
  }
}

/**
 * What was typed, as a value: `true`, `false`, `null` and numbers as themselves, `"…"` as the text
 * inside the quotes (to compare with the text "100"), anything else as text.
 */
export function parseScalar(text: string): Scalar {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && trimmed.length <= 15) return Number(trimmed);
  if (/^".*"$/.test(trimmed)) return trimmed.slice(1, -1);
  return text;
}

/** The text for a value, such that parseScalar gives the value back. */
export function formatScalar(value: Scalar | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return parseScalar(value) === value ? value : `"${value}"`;
  return String(value);
}

/** The server's problems by place; several at one place join with "; ". */
export function problemsByPath(fields: readonly FieldIssue[]): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const { path, message } of fields) {
    const key = path.replace(/\[(\d+)\]/g, '.$1');
    byPath.set(key, byPath.has(key) ? `${byPath.get(key)}; ${message}` : message);
  }
  return byPath;
}

/** The editor's starting point: a copy of a rule, or a new rule on customer creation. */
export function draftOf(rule?: Rule): RuleInput {
  if (!rule)
    return {
      name: '',
      trigger: blankTrigger('record'),
      conditions: null,
      actions: [blankAction('createFollowup')],
      serviceUserId: null,
      maxFailures: 3,
    };
  return {
    name: rule.name,
    trigger: rule.trigger,
    conditions: rule.conditions,
    actions: rule.actions,
    ownerId: rule.ownerId,
    serviceUserId: rule.serviceUserId,
    maxFailures: rule.maxFailures,
    ...(rule.maxRunsPerHour ? { maxRunsPerHour: rule.maxRunsPerHour } : {}),
  };
}

/** A short text for a trigger in the rule list. */
export function triggerTopic(trigger: Trigger): string {
  switch (trigger.type) {
    case 'record':
      return `${trigger.object}.${trigger.on}${trigger.fields?.length ? ` (${trigger.fields.join(', ')})` : ''}`;
    case 'call':
      return 'call.received';
    case 'imFileSent':
      return 'wecom.file_sent';
    case 'transcriptReady':
      return 'transcript.processed';
    case 'intakeApplied':
      return `intake.applied${trigger.channel ? ` (${trigger.channel})` : ''}`;
    case 'schedule':
      return trigger.cron;
    case 'relative':
      return `${trigger.object}.${trigger.field} ${trigger.offsetDays >= 0 ? '+' : ''}${trigger.offsetDays}d ${trigger.at}`;
    case 'manual':
      return trigger.object;
  }
}
