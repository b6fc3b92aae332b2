import { newId } from '../../common/ids.ts';
import { maskPhone } from '../../common/phone.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';

export interface SmsMessage {
  /** E.164 number. */
  to: string;
  body: string;
  /** What the message is for, e.g. `step-up` (kept in the outbox table). */
  purpose: string;
}

export interface SmsLogger {
  info(details: Record<string, unknown>, message: string): void;
}

/** Sends text messages. One provider per instance; the outbox table records every message. */
export interface SmsSender {
  readonly provider: string;
  send(trx: Trx, tenantId: string, message: SmsMessage): Promise<void>;
}

async function record(
  trx: Trx,
  tenantId: string,
  message: SmsMessage,
  provider: string,
  body: string,
  status = 'sent',
  error: string | null = null,
) {
  await trx
    .insertInto('sms_messages')
    .values({
      id: newId(),
      tenant_id: tenantId,
      phone: message.to,
      body,
      purpose: message.purpose,
      provider,
      status,
      error,
    })
    .execute();
}

/**
 * Development provider: nothing leaves the machine. The message, code included, goes to the
 * sms_messages outbox (so a developer or a test can read it); the log shows only the masked number.
 */
export class ConsoleSmsSender implements SmsSender {
  readonly provider = 'console';
  constructor(private readonly logger: SmsLogger) {}

  async send(trx: Trx, tenantId: string, message: SmsMessage) {
    await record(trx, tenantId, message, this.provider, message.body);
    this.logger.info(
      { to: maskPhone(message.to), purpose: message.purpose, provider: this.provider },
      'SMS written to the outbox (console provider)',
    );
  }
}

export interface HttpSmsOptions {
  url: string;
  token?: string;
  timeoutMs?: number;
}

/**
 * A real gateway behind a small HTTP contract: POST `{phone, message}` as JSON, with
 * `Authorization: Bearer <CAIRN_SMS_TOKEN>` when set; any 2xx counts as sent. Gateways with
 * another shape sit behind a tiny adapter service. The outbox keeps the message without its body.
 */
export class HttpSmsSender implements SmsSender {
  readonly provider = 'http';
  constructor(
    private readonly options: HttpSmsOptions,
    private readonly logger: SmsLogger,
  ) {}

  async send(trx: Trx, tenantId: string, message: SmsMessage) {
    const redacted = `[${message.purpose} message, ${message.body.length} characters, not stored]`;
    let failure: string | undefined;
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ phone: message.to, message: message.body }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (!res.ok) failure = `gateway answered HTTP ${res.status}`;
    } catch (error) {
      failure = `gateway unreachable: ${(error as Error).message}`;
    }
    this.logger.info(
      { to: maskPhone(message.to), purpose: message.purpose, provider: this.provider, ok: !failure },
      failure ? 'SMS gateway refused the message' : 'SMS sent',
    );
    if (failure)
      throw new AppError(
        'INTERNAL',
        `the SMS could not be sent (${failure}); try again later or use an authenticator app`,
        { provider: this.provider },
      );
    await record(trx, tenantId, message, this.provider, redacted);
  }
}

/** The HTTP provider when CAIRN_SMS_URL is set, else the console provider. */
export function smsSenderFromEnv(env: NodeJS.ProcessEnv, logger: SmsLogger): SmsSender {
  const url = env.CAIRN_SMS_URL?.trim();
  if (!url) return new ConsoleSmsSender(logger);
  return new HttpSmsSender({ url, token: env.CAIRN_SMS_TOKEN || undefined }, logger);
}
