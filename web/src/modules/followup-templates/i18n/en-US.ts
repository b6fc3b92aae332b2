import type { MessageShape } from '../../../app/i18n/messages/zh-CN.core.ts';
import type { FollowupTemplateMessages } from './zh-CN.ts';

/** Typed against zh-CN: tsc fails when a key is missing here. */
const followupTemplatesEnUS: MessageShape<FollowupTemplateMessages> = {
  title: 'Follow-up templates',
  intro:
    'Templates reps apply in one tap when writing a follow-up on the phone. The 30 each rep used last are cached on the phone and work offline.',
  new: 'New template',
  edit: 'Edit template',
  empty: 'No follow-up templates yet',
  fields: {
    title: 'Title',
    body: 'Text',
    status: 'Follow-up status',
    kind: 'Follow-up type',
  },
  titleHint: 'Up to 40 characters, unique in the company',
  bodyHint: 'Reps can still edit the text after applying it',
  statusHint: 'Follow-ups written from the template get this status; not set: the default status',
  kindHint: 'Applying the template selects this follow-up type',
  lastUsed: 'I last used it',
  neverUsed: 'Never',
  noStatus: 'Not set',
  picker: {
    label: 'Follow-up templates',
    offline: 'Offline: showing your cached recent templates',
    empty: 'No templates available',
    applied: 'Template applied: {title}',
    clear: 'No template',
  },
};

export default followupTemplatesEnUS;
