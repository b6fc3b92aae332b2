import type { EffectivePermissions } from '../../../../common/permissions.ts';
import type { CustomerLevel, Currency, OpportunityStage } from '../../../../common/enums.ts';
import type {
  contractStatuses,
  customerSources,
  customerStatuses,
  customFieldObjects,
  customFieldTypes,
  followupKinds,
  followupSources,
  followupStatuses,
  userRoles,
} from '../../../../common/enums.ts';

export type CustomerStatus = (typeof customerStatuses)[number];
export type CustomerSource = (typeof customerSources)[number];
export type FollowupKind = (typeof followupKinds)[number];
export type FollowupStatus = (typeof followupStatuses)[number];
export type FollowupSource = (typeof followupSources)[number];
export type ContractStatus = (typeof contractStatuses)[number];
export type UserRole = (typeof userRoles)[number];
export type CustomFieldType = (typeof customFieldTypes)[number];
export type CustomFieldObject = (typeof customFieldObjects)[number];
export type { CustomerLevel, Currency, OpportunityStage };

/** A decimal carried as a string so that money never passes through a float. */
export type DecimalString = string;
/** ISO 8601 timestamp, or `YYYY-MM-DD` for calendar dates. */
export type IsoDate = string;

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  tenantId: string;
  tenantName: string;
  permissions: EffectivePermissions;
}

/** Columns every business record has. */
export interface RecordBase {
  id: string;
  version: number;
  createdAt: IsoDate;
  createdBy: string | null;
  updatedAt: IsoDate;
  updatedBy: string | null;
  deletedAt: IsoDate | null;
}

/** A list row the signed-in user may know exists but not open (new-hire sandbox): id, `X***` and owner only. */
export interface MaskedRow {
  id: string;
  masked: true;
  name?: string;
  ownerId?: string | null;
}

export interface Customer extends RecordBase {
  id: string;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  industry: string | null;
  level: CustomerLevel | null;
  source: CustomerSource | null;
  region: string | null;
  mainPhone: string | null;
  ownerId: string | null;
  status: CustomerStatus;
  tags: string[];
  custom: Record<string, unknown>;
}

export interface Contact extends RecordBase {
  customerId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wecomId: string | null;
  isPrimary: boolean;
  custom: Record<string, unknown>;
}

export interface Opportunity extends RecordBase {
  customerId: string;
  name: string;
  amount: DecimalString | null;
  currency: Currency | string;
  stage: OpportunityStage;
  expectedCloseDate: IsoDate | null;
  ownerId: string | null;
  custom: Record<string, unknown>;
}

export interface Followup extends RecordBase {
  customerId: string;
  opportunityId: string | null;
  kind: FollowupKind;
  status: FollowupStatus | null;
  content: string;
  nextStep: string | null;
  nextStepAt: IsoDate | null;
  source: FollowupSource | null;
  authorId: string | null;
  occurredAt: IsoDate;
}

export interface Installment {
  id: string;
  seq: number;
  dueDate: IsoDate;
  amount: DecimalString;
  receivedAmount: DecimalString;
}

export interface Payment extends RecordBase {
  contractId: string;
  installmentId: string | null;
  amount: DecimalString;
  currency: string;
  receivedDate: IsoDate;
  method: string | null;
  reference: string | null;
  note: string | null;
}

export interface Contract extends RecordBase {
  customerId: string;
  opportunityId: string | null;
  number: string;
  title: string | null;
  signedDate: IsoDate | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  ownerId: string | null;
  installments: Installment[];
  receivedAmount: DecimalString;
  payments?: Payment[];
  currency: Currency | string;
  amountInclTax: DecimalString | null;
  /** A fraction as a decimal string, e.g. "0.13" for 13 %. */
  taxRate: DecimalString | null;
  status: ContractStatus;
}

export interface Attachment extends RecordBase {
  recordType: string;
  recordId: string;
  customerId: string | null;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export interface CustomerRelations {
  contacts: Contact[];
  opportunities: Opportunity[];
  followups: Followup[];
  contracts: Contract[];
  attachments: Attachment[];
}
export type CustomerRelation = keyof CustomerRelations;

export interface AuditEntry {
  id: string;
  occurredAt: IsoDate;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, { before?: unknown; after?: unknown } | unknown>;
}

export interface RecycleBinEntry {
  id: string;
  recordType: string;
  recordId: string;
  title: string;
  deletedAt: IsoDate;
  deletedBy: string | null;
  purgeAfter: IsoDate;
}

export interface CustomField extends RecordBase {
  objectType: CustomFieldObject;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  required: boolean;
  sortOrder: number;
}

export interface Department extends RecordBase {
  name: string;
  parentId: string | null;
  path: string;
  sortOrder: number;
}

export interface UserRecord extends RecordBase {
  username: string;
  displayName: string;
  employeeNo: string | null;
  departmentId: string | null;
  managerId: string | null;
  hireDate: IsoDate | null;
  phone: string | null;
  email: string | null;
  role: UserRole;
  isActive: boolean;
  isService: boolean;
  lastLoginAt: IsoDate | null;
}

export interface TenantSettings {
  recycleRetentionDays?: number;
  liteFields?: string[];
  [key: string]: unknown;
}

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  settings: TenantSettings;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface One<T> {
  data: T;
}
