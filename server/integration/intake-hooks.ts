import type { CommandContext } from '../resources/context.ts';
import type { ChannelRow } from './channel-store.ts';

/**
 * The seam for lead assignment: called in the intake job's transaction right after a channel
 * created a customer, as the channel's service identity. The default does nothing; the
 * assignment rules install theirs with `setAfterIntakeCreate` (server start, tests). A hook that
 * throws fails the intake record like any other write error (it is retried, then dead-lettered).
 */
export interface IntakeCreated {
  channel: ChannelRow;
  customerId: string;
  intakeId: string;
}

export type AfterIntakeCreate = (ctx: CommandContext, created: IntakeCreated) => Promise<void>;

const noop: AfterIntakeCreate = async () => {};
let hook: AfterIntakeCreate = noop;

export function setAfterIntakeCreate(next: AfterIntakeCreate | undefined) {
  hook = next ?? noop;
}

export const afterIntakeCreate: AfterIntakeCreate = (ctx, created) => hook(ctx, created);
