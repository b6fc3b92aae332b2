import type { MessageShape } from '../../../app/i18n/messages/zh-CN.core.ts';
import type { OfflineMessages } from './zh-CN.ts';

/** Typed against zh-CN: tsc fails when a key is missing here. */
const offlineEnUS: MessageShape<OfflineMessages> = {
  badge: {
    pending: '{count} to send',
    label: 'Actions waiting to be sent: {count}, tap to see them',
    syncing: 'Syncing…',
  },
  sheet: {
    title: 'Waiting to send',
    empty: 'Nothing waiting to be sent',
    retry: 'Retry now',
    retryAt: 'Retrying automatically at {time}',
    reason: 'Reason: {reason}',
    offline: 'Offline: sent automatically once connected',
    created: 'Recorded at {time}',
    compare: 'Compare and choose',
    discard: 'Discard this one',
    discardConfirm: 'Discard it? This action will not be sent',
    states: {
      pending: 'Waiting',
      conflict: 'Conflict',
      rejected: 'Rejected',
      draft: 'Draft',
    },
  },
  conflict: {
    title: 'Compare and choose',
    intro: 'This record was changed elsewhere. Choose, field by field, which value to keep.',
    field: 'Field',
    mine: 'Mine',
    server: 'On the server',
    keepMine: 'Keep mine and send',
    keepServer: "Keep the server's",
  },
  banner: {
    storage:
      "This browser's local database is not working: actions waiting to be sent are kept in this page and backed up to browser storage. Saving while online is not affected.",
    upgrade: 'This version is no longer supported: close every Cairn page and open it again to update.',
    cachedCard: 'Offline · updated {time}',
  },
  composer: {
    queued: 'Saved offline: it is sent once you are connected',
    saveDraft: 'Save as draft',
    draftSaved: 'Saved as a draft',
    dictationHint: "Use your phone keyboard's dictation, keep it as a draft and tidy it up later",
    drafts: 'Drafts',
    useDraft: 'Tidy up this draft',
  },
  labels: {
    followup: 'Follow-up',
    customer: 'Customer',
    opportunity: 'Opportunity',
  },
  clientErrors: {
    title: 'Client errors',
    tabs: { label: 'Client error pages', groups: 'Grouped by error' },
    intro:
      'Uncaught errors and failed saves reported by the app on phones and desktops, grouped by browser version, error and screen.',
    days: 'Last days',
    summary: 'Summary',
    count: 'Count',
    sessions: 'Sessions',
    lastSeen: 'Last seen',
    kinds: 'Kinds',
    appVersions: 'App versions',
    empty: 'No errors reported in this period',
    retry: 'Retry',
  },
};

export default offlineEnUS;
