import { randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { newId } from '../../common/ids.ts';
import { maskPhone } from '../../common/phone.ts';
import { writeAudit, type FieldChanges } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { AppError } from '../errors.ts';
import { failure, success, type Outcome } from '../db/outcome.ts';
import type { SmsSender } from './sms-sender.ts';
import { issueStepUpToken, sha256 } from './step-up-token.ts';

export const CODE_MINUTES = 5;
export const SEND_LIMIT = 3;
export const SEND_WINDOW_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
/** Failed verifications (SMS or TOTP) per user in the send window before verify is refused. */
export const MAX_FAILURES = 10;

const hashCode = (challengeId: string, code: string) => sha256(`${challengeId}:${code}`);
const change = (after: unknown) => ({ before: null, after });

async function audit(ctx: CommandContext, action: string, changes: Record<string, unknown>) {
  const entries: FieldChanges = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, change(v)]));
  await writeAudit(ctx, [{ action, recordType: 'user', recordId: ctx.actor.userId, changes: entries }]);
}

function sameHash(a: string, b: string) {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

async function loadUser(ctx: CommandContext) {
  return ctx.trx
    .selectFrom('users')
    .select(['employee_no', 'phone_e164', 'totp_secret'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', ctx.actor.userId)
    .forUpdate() // serialises concurrent sends, so the rate limit holds
    .executeTakeFirstOrThrow();
}

/** Checks the employee number and sends a 6-digit code to the user's phone (at most 3 per 10 minutes). */
export async function sendStepUpCode(
  ctx: CommandContext,
  sms: SmsSender,
  employeeNo: string,
): Promise<Outcome<{ sentTo: string; expiresAt: string; provider: string }>> {
  const user = await loadUser(ctx);
  if (!user.employee_no || user.employee_no.trim().toUpperCase() !== employeeNo.trim().toUpperCase()) {
    await audit(ctx, 'step-up.denied', { reason: 'employee number does not match' });
    return failure(
      new AppError('FORBIDDEN', 'the employee number does not match your account', { field: 'employeeNo' }),
    );
  }
  if (!user.phone_e164) {
    const how = user.totp_secret
      ? '; verify with your authenticator app instead (POST /api/v1/auth/step-up/verify)'
      : '; ask an administrator to add one';
    return failure(new AppError('CONFLICT', `there is no mobile number on your account${how}`, { field: 'phone' }));
  }
  const window = await ctx.trx
    .selectFrom('step_up_challenges')
    .select([
      sql<number>`count(*)`.as('sent'),
      sql<number>`ceil(extract(epoch from min(created_at) + make_interval(mins => ${SEND_WINDOW_MINUTES}) - now()))`.as(
        'wait',
      ),
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('user_id', '=', ctx.actor.userId)
    .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${SEND_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  if (Number(window.sent) >= SEND_LIMIT) {
    const retryAfterSeconds = Math.max(1, Number(window.wait));
    await audit(ctx, 'step-up.rate-limited', { reason: `${SEND_LIMIT} codes in ${SEND_WINDOW_MINUTES} minutes` });
    return failure(
      new AppError(
        'RATE_LIMITED',
        `at most ${SEND_LIMIT} codes per ${SEND_WINDOW_MINUTES} minutes; try again in ${retryAfterSeconds} seconds`,
        { retryAfterSeconds },
      ),
    );
  }
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const sentTo = maskPhone(user.phone_e164);
  const challenge = await ctx.trx
    .insertInto('step_up_challenges')
    .values({
      id,
      tenant_id: ctx.actor.tenantId,
      user_id: ctx.actor.userId,
      code_hash: hashCode(id, code),
      sent_to: sentTo,
      expires_at: sql<Date>`now() + make_interval(mins => ${CODE_MINUTES})`,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  await sms.send(ctx.trx, ctx.actor.tenantId, {
    to: user.phone_e164,
    purpose: 'step-up',
    body: `【Cairn】您的操作确认码为 ${code}，${CODE_MINUTES} 分钟内有效。如非本人操作，请忽略并联系管理员。`,
  });
  await audit(ctx, 'step-up.sent', { challengeId: id, sentTo, provider: sms.provider });
  return success({ sentTo, expiresAt: challenge.expires_at.toISOString(), provider: sms.provider });
}

function totpMatches(code: string, secret: string): boolean {
  try {
    return authenticator.check(code, secret);
  } catch {
    return false; // a malformed stored secret never verifies
  }
}

type Failure = 'wrong_code' | 'expired' | 'too_many_attempts' | 'no_code';

function failureError(reason: Failure, attemptsLeft: number): AppError {
  const messages: Record<Failure, string> = {
    wrong_code:
      attemptsLeft > 0
        ? `is not the code we sent; ${attemptsLeft} attempt(s) left`
        : 'is not the code we sent; this code is now void, request a new one',
    expired: `has expired (codes are valid for ${CODE_MINUTES} minutes); request a new one`,
    too_many_attempts: 'was tried too many times; request a new one',
    no_code: 'was never requested; POST /api/v1/auth/step-up {employeeNo} first',
  };
  return new AppError('VALIDATION_FAILED', `code: ${messages[reason]}`, {
    fields: [{ path: 'code', message: messages[reason] }],
    reason,
    attemptsLeft,
  });
}

/**
 * Checks a code against the user's latest challenge (5 attempts, 5 minutes), or against
 * their authenticator app when TOTP is set up, and issues a 10-minute step-up token.
 */
export async function verifyStepUpCode(
  ctx: CommandContext,
  code: string,
): Promise<Outcome<{ stepUpToken: string; expiresAt: string; method: 'sms' | 'totp' }>> {
  const user = await loadUser(ctx);
  const failures = await ctx.trx
    .selectFrom('audit_log')
    .select(sql<number>`count(*)`.as('n'))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('actor_id', '=', ctx.actor.userId)
    .where('action', '=', 'step-up.failed')
    .where('occurred_at', '>', sql<Date>`now() - make_interval(mins => ${SEND_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= MAX_FAILURES) {
    await audit(ctx, 'step-up.rate-limited', {
      reason: `${MAX_FAILURES} failed verifications in ${SEND_WINDOW_MINUTES} minutes`,
    });
    return failure(
      new AppError('RATE_LIMITED', `too many wrong codes; try again in ${SEND_WINDOW_MINUTES} minutes`, {
        retryAfterSeconds: SEND_WINDOW_MINUTES * 60,
      }),
    );
  }
  const challenge = await ctx.trx
    .selectFrom('step_up_challenges')
    .select(['id', 'code_hash', 'attempts', 'consumed_at', sql<boolean>`expires_at > now()`.as('unexpired')])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('user_id', '=', ctx.actor.userId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();

  let method: 'sms' | 'totp' | undefined;
  let reason: Failure = 'no_code';
  let attemptsLeft = 0;
  if (challenge && !challenge.consumed_at) {
    if (!challenge.unexpired) reason = 'expired';
    else if (challenge.attempts >= MAX_ATTEMPTS) reason = 'too_many_attempts';
    else {
      const matches = sameHash(challenge.code_hash, hashCode(challenge.id, code));
      await ctx.trx
        .updateTable('step_up_challenges')
        .set({
          attempts: challenge.attempts + 1,
          consumed_at: matches ? sql<Date>`now()` : null,
          updated_at: sql<Date>`now()`,
          updated_by: ctx.actor.userId,
        })
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', challenge.id)
        .execute();
      if (matches) method = 'sms';
      reason = 'wrong_code';
      attemptsLeft = MAX_ATTEMPTS - challenge.attempts - 1;
    }
  }
  if (!method && user.totp_secret && totpMatches(code, user.totp_secret)) method = 'totp';
  if (!method) {
    await audit(ctx, 'step-up.failed', { reason, challengeId: challenge?.id ?? null });
    return failure(failureError(reason, attemptsLeft));
  }
  const token = await issueStepUpToken(ctx.trx, ctx.actor);
  await audit(ctx, 'step-up.verified', {
    method,
    challengeId: method === 'sms' ? challenge!.id : null,
    expiresAt: token.expiresAt,
  });
  return success({ ...token, method });
}
