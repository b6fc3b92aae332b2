import type { Trx } from '../db/tenant-transaction.ts';
import {
  loadCallSubject,
  loadCallSubjects,
  loadFileSentSubject,
  loadIntakeSubject,
  loadTranscriptSubject,
} from './inbound-subjects.ts';
import {
  CALL_TOPIC,
  INTAKE_APPLIED_TOPIC,
  TRANSCRIPT_PROCESSED_TOPIC,
  WECOM_FILE_SENT_TOPIC,
} from './inbound-topics.ts';
import type { ValueKind } from './rule-fields.ts';
import type { Trigger } from './rule-schemas.ts';
import type { Subject } from './subject.ts';

/**
 * The inbound triggers: events that reach Cairn from outside a record command (a call record, a
 * file sent from the WeCom sidebar, a processed meeting transcript, an applied intake record).
 * Each is an outbox topic written in its business transaction, the fields its conditions and
 * templates may name (checked at save), how its subject is loaded, and which of its events a
 * rule hears. The engine, validation, dry run and job wiring treat them all alike.
 */
export interface InboundTrigger {
  topic: string;
  fields: Readonly<Record<string, ValueKind>>;
  /** Fields holding phone numbers: masked in templates and in the run history. */
  phones: readonly string[];
  load(trx: Trx, tenantId: string, payload: Record<string, unknown>): Promise<Subject | undefined>;
  /** Several events' subjects in one read, in the order of `payloads` (default: `load` each). */
  loadMany?(trx: Trx, tenantId: string, payloads: Array<Record<string, unknown>>): Promise<Array<Subject | undefined>>;
  /** Whether a rule with this trigger hears an event (default: every event of the topic). */
  hears?(trigger: Trigger, payload: Record<string, unknown>): boolean;
}

/** The fields of a call record a rule sees (POST /api/v1/events/calls). */
export const callFields: Record<string, ValueKind> = {
  callId: 'text',
  direction: 'text',
  status: 'text',
  from: 'text',
  to: 'text',
  agentUserId: 'uuid',
  startedAt: 'time',
  talkSeconds: 'number',
  recordingUrl: 'text',
  customerId: 'uuid',
  contactId: 'uuid',
  matched: 'bool',
};

/** A file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files). */
export const fileSentFields: Record<string, ValueKind> = {
  followupId: 'uuid',
  customerId: 'uuid',
  contactId: 'uuid',
  externalUserId: 'text',
  fileName: 'text',
  attachmentId: 'uuid',
  chat: 'text',
  sentAt: 'time',
  sentBy: 'uuid',
};

/**
 * A processed meeting transcript: its follow-up and the kinds of objection found. Not the
 * summary's text: field rules govern it on the follow-up, and a rule's template is no way around them.
 */
export const transcriptFields: Record<string, ValueKind> = {
  transcriptId: 'uuid',
  followupId: 'uuid',
  customerId: 'uuid',
  opportunityId: 'uuid',
  objections: 'list',
  objectionCount: 'number',
  utterances: 'number',
  source: 'text',
  receivedAt: 'time',
  processedAt: 'time',
};

/** An applied intake record: the channel and the customer it created or updated. */
export const intakeFields: Record<string, ValueKind> = {
  intakeId: 'uuid',
  channelId: 'uuid',
  channelKey: 'text',
  status: 'text',
  recordType: 'text',
  recordId: 'uuid',
  customerId: 'uuid',
  contactId: 'uuid',
  receivedAt: 'time',
  processedAt: 'time',
};

export const inboundTriggers = {
  call: {
    topic: CALL_TOPIC,
    fields: callFields,
    phones: ['from', 'to'],
    load: loadCallSubject,
    loadMany: loadCallSubjects,
  },
  imFileSent: { topic: WECOM_FILE_SENT_TOPIC, fields: fileSentFields, phones: [], load: loadFileSentSubject },
  transcriptReady: {
    topic: TRANSCRIPT_PROCESSED_TOPIC,
    fields: transcriptFields,
    phones: [],
    load: loadTranscriptSubject,
  },
  intakeApplied: {
    topic: INTAKE_APPLIED_TOPIC,
    fields: intakeFields,
    phones: [],
    load: loadIntakeSubject,
    hears: (trigger, payload) =>
      trigger.type !== 'intakeApplied' || !trigger.channel || payload.channelKey === trigger.channel,
  },
} satisfies Record<string, InboundTrigger>;

export type InboundType = keyof typeof inboundTriggers;

/** The inbound trigger a rule's trigger is, if it is one. */
export function inboundOf(trigger: Trigger): InboundTrigger | undefined {
  return Object.hasOwn(inboundTriggers, trigger.type)
    ? (inboundTriggers as Record<string, InboundTrigger>)[trigger.type]
    : undefined;
}

/** Every inbound topic (the automation queue hears them all). */
export const inboundTopics = Object.values(inboundTriggers).map((t) => t.topic);
