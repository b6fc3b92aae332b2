import type { CustomerLevel, Currency, OpportunityStage } from '../../../common/enums.ts';
import type { customerStatuses, customerSources, followupKinds, followupStatuses, followupSources, contractStatuses, userRoles } from '../../../common/enums.ts';

export type CustomerStatus = (typeof customerStatuses)[number];
export type CustomerSource = (typeof customerSources)[number];
export type FollowupKind = (typeof followupKinds)[number];
export type FollowupStatus = (typeof followupStatuses)[number];
export type FollowupSource = (typeof followupSources)[number];
export type ContractStatus = (typeof contractStatuses)[number];
export type UserRole = (typeof userRoles)[number];
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
}

export interface Customer {
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
  version: number;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  deletedAt: IsoDate | null;
}

export interface Contact {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wecomId: string | null;
  isPrimary: boolean;
}

export interface Opportunity {
  id: string;
  customerId: string;
  name: string;
  amount: DecimalString | null;
  currency: Currency | string;
  stage: OpportunityStage;
  expectedCloseDate: IsoDate | null;
  ownerId: string | null;
}

export interface Followup {
  id: string;
  customerId: string;
  kind: FollowupKind;
  status: FollowupStatus | null;
  content: string;
  nextStep: string | null;
  nextStepAt: IsoDate | null;
  source: FollowupSource | null;
  authorId: string | null;
  occurredAt: IsoDate;
}

export interface Contract {
  id: string;
  customerId: string;
  number: string;
  title: string;
  signedDate: IsoDate | null;
  currency: Currency | string;
  amountInclTax: DecimalString | null;
  /** A fraction as a decimal string, e.g. "0.13" for 13 %. */
  taxRate: DecimalString | null;
  status: ContractStatus;
}

export interface CustomerRelations {
  contacts: Contact[];
  opportunities: Opportunity[];
  followups: Followup[];
  contracts: Contract[];
}
export type CustomerRelation = keyof CustomerRelations;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface One<T> {
  data: T;
}
