/** Value sets shared by the server, the web app and the CLI. Labels live in the i18n files. */
export const customerLevels = ['A', 'B', 'C', 'D'] as const;
export const customerStatuses = ['active', 'dormant', 'lost'] as const;
export const customerSources = [
  'website',
  'referral',
  'exhibition',
  'cold_call',
  'partner',
  'advertising',
  'other',
] as const;
export const opportunityStages = ['initial', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const followupKinds = ['call', 'visit', 'im', 'meeting', 'email', 'other'] as const;
export const followupStatuses = ['initial_contact', 'deep_talk', 'proposal_sent', 'awaiting_reply', 'closed'] as const;
export const followupSources = ['manual', 'call', 'im', 'meeting', 'button', 'import'] as const;
export const contractStatuses = ['draft', 'active', 'completed', 'terminated'] as const;
export const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;
export const customFieldTypes = [
  'text',
  'number',
  'date',
  'singleSelect',
  'multiSelect',
  'phone',
  'email',
  'money',
] as const;
export const customFieldObjects = ['customer', 'contact', 'opportunity'] as const;
export const userRoles = ['admin', 'member'] as const;

export type CustomerLevel = (typeof customerLevels)[number];
export type OpportunityStage = (typeof opportunityStages)[number];
export type Currency = (typeof currencies)[number];
export type CustomFieldType = (typeof customFieldTypes)[number];
export type CustomFieldObject = (typeof customFieldObjects)[number];
