/**
 * The outbox topics of inbound events rules can be triggered by, in a module of their own (no
 * imports) so the writers (calls, WeCom sidebar, transcripts, intake) and the engine share them
 * without import cycles.
 */
/** A call record was received (POST /api/v1/events/calls). */
export const CALL_TOPIC = 'call.received';
/** A file was sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files). */
export const WECOM_FILE_SENT_TOPIC = 'wecom.file_sent';
/** A meeting transcript was analysed and recorded as a follow-up. */
export const TRANSCRIPT_PROCESSED_TOPIC = 'transcript.processed';
/** An intake record was applied: a customer created or updated from a channel. */
export const INTAKE_APPLIED_TOPIC = 'intake.applied';
