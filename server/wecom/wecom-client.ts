import { createHash, randomBytes } from 'node:crypto';
import type { WecomConfig } from './wecom-config.ts';

/**
 * A real HTTP client of the WeCom server API: `gettoken` (cached until shortly before it
 * expires), `message/send` (app text messages to members) and the agent jsapi ticket that signs
 * the sidebar's `wx.agentConfig`. Errors name the WeCom errcode, never the secret, the token or
 * a URL carrying them.
 */
export class WecomError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'WecomError';
  }
}

interface Cached {
  value: string;
  expiresAt: number;
}

const TIMEOUT_MS = 10_000;
/** WeCom's codes for an invalid or expired access token: fetch a new one and try once more. */
const STALE_TOKEN = new Set([40014, 42001]);

export interface SendResult {
  msgid: string | null;
  invalidUsers: string[];
}

export class WecomClient {
  private token: Cached | undefined;
  private ticket: Cached | undefined;

  constructor(
    readonly config: WecomConfig,
    private readonly now: () => number = Date.now,
  ) {}

  private async request(path: string, query: Record<string, string>, body?: unknown) {
    const url = new URL(`${this.config.apiUrl}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new WecomError(
        `WeCom ${path} ${(error as Error).name === 'TimeoutError' ? 'did not answer in time' : 'is unreachable'}`,
      );
    }
    if (!res.ok) throw new WecomError(`WeCom ${path} answered HTTP ${res.status}`);
    let json: Record<string, unknown>;
    try {
      json = (await res.json()) as Record<string, unknown>;
    } catch {
      throw new WecomError(`WeCom ${path} answered something that is not JSON`);
    }
    const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
    if (errcode !== 0) {
      const errmsg = typeof json.errmsg === 'string' ? json.errmsg.split(',')[0]!.slice(0, 200) : '';
      throw new WecomError(`WeCom ${path} failed: errcode ${errcode} ${errmsg}`.trim(), errcode);
    }
    return json;
  }

  private fresh(cached: Cached | undefined) {
    return cached && cached.expiresAt > this.now() ? cached.value : undefined;
  }

  private cache(value: unknown, expiresIn: unknown): Cached {
    if (typeof value !== 'string' || !value) throw new WecomError('WeCom answered without a token');
    const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 7200;
    // refreshed five minutes early (or at half-life for short ones), so no request carries a dying token
    return { value, expiresAt: this.now() + Math.max(seconds - 300, seconds / 2) * 1000 };
  }

  async accessToken(): Promise<string> {
    const cached = this.fresh(this.token);
    if (cached) return cached;
    const json = await this.request('/cgi-bin/gettoken', {
      corpid: this.config.corpId,
      corpsecret: this.config.secret,
    });
    this.token = this.cache(json.access_token, json.expires_in);
    return this.token.value;
  }

  /** Calls with the access token; a token WeCom calls stale is dropped and the call made once more. */
  private async withToken(path: string, query: Record<string, string>, body?: unknown) {
    try {
      return await this.request(path, { ...query, access_token: await this.accessToken() }, body);
    } catch (error) {
      if (!(error instanceof WecomError) || !STALE_TOKEN.has(error.errcode ?? 0)) throw error;
      this.token = undefined;
      this.ticket = undefined;
      return this.request(path, { ...query, access_token: await this.accessToken() }, body);
    }
  }

  /** An app text message to WeCom members (their WeCom userids). */
  async sendText(toUsers: string[], content: string): Promise<SendResult> {
    if (toUsers.length === 0) throw new WecomError('a WeCom message needs at least one recipient');
    const json = await this.withToken(
      '/cgi-bin/message/send',
      {},
      {
        touser: toUsers.join('|'),
        msgtype: 'text',
        agentid: this.config.agentId,
        text: { content: content.slice(0, 2000) },
      },
    );
    const invalid = typeof json.invaliduser === 'string' && json.invaliduser ? json.invaliduser.split('|') : [];
    return { msgid: typeof json.msgid === 'string' ? json.msgid : null, invalidUsers: invalid };
  }

  async agentTicket(): Promise<string> {
    const cached = this.fresh(this.ticket);
    if (cached) return cached;
    const json = await this.withToken('/cgi-bin/ticket/get', { type: 'agent_config' });
    this.ticket = this.cache(json.ticket, json.expires_in);
    return this.ticket.value;
  }

  /** The `wx.agentConfig` parameters for a page URL (without its #fragment), signed with the agent ticket. */
  async agentConfig(pageUrl: string) {
    const ticket = await this.agentTicket();
    const nonceStr = randomBytes(8).toString('hex');
    const timestamp = Math.floor(this.now() / 1000);
    const url = pageUrl.split('#')[0]!;
    const signature = createHash('sha1')
      .update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`)
      .digest('hex');
    return { corpid: this.config.corpId, agentid: this.config.agentId, timestamp, nonceStr, signature };
  }
}

/** One client per configuration, so the token cache is shared by every caller. */
let shared: { config: WecomConfig; client: WecomClient } | undefined;
export function wecomClient(config: WecomConfig | undefined): WecomClient | undefined {
  if (!config) return undefined;
  if (shared?.config !== config) shared = { config, client: new WecomClient(config) };
  return shared.client;
}
