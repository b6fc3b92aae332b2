import { isValidCreditCode } from '../../common/credit-code.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

/** The fields read off a business licence (营业执照) for the rep to confirm. */
export interface LicenceFields {
  name: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  address: string | null;
  /** 0–1: the provider's own confidence, else the share of the four fields it found. */
  confidence: number;
  /** What the rep should check before saving (a credit code failing its check character). */
  warnings: string[];
}

export interface LicenceImage {
  data: Buffer;
  mimeType: string;
}

/** An OCR provider behind HTTP. */
export interface LicenceOcrProvider {
  read(image: LicenceImage): Promise<LicenceFields>;
}

const TIMEOUT_MS = 15_000;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null);

function finish(fields: Omit<LicenceFields, 'warnings' | 'confidence'>, confidence?: number): LicenceFields {
  const found = [fields.name, fields.creditCode, fields.legalRepresentative, fields.address].filter(Boolean).length;
  const creditCode = fields.creditCode?.replace(/\s+/g, '').toUpperCase() ?? null;
  const warnings: string[] = [];
  if (creditCode && !isValidCreditCode(creditCode))
    warnings.push('creditCode: fails its check character; compare it with the licence');
  if (found < 4) warnings.push('some fields were not found on the image; fill them in by hand');
  const given = typeof confidence === 'number' && Number.isFinite(confidence) ? confidence : found / 4;
  return { ...fields, creditCode, confidence: Math.round(Math.min(1, Math.max(0, given)) * 100) / 100, warnings };
}

const failed = (reason: string) =>
  new AppError(
    'OCR_PROVIDER_FAILED',
    `the OCR service could not read the licence (${reason}); try again or type the fields`,
    {
      reason,
    },
  );

async function call(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const name = (error as Error).name;
    throw failed(name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'unreachable');
  }
  if (!res.ok) throw failed(`HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw failed('the answer is not JSON');
  }
}

/**
 * Cairn's own small contract, for a provider behind an adapter: POST JSON
 * `{kind: "business_licence", image: <base64>, mimeType}` with `Authorization: Bearer <token>`,
 * answered `{name, creditCode, legalRepresentative, address, confidence}`.
 */
export class CairnOcrProvider implements LicenceOcrProvider {
  constructor(private readonly options: { url: string; token?: string }) {}

  async read(image: LicenceImage): Promise<LicenceFields> {
    const body = (await call(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({
        kind: 'business_licence',
        image: image.data.toString('base64'),
        mimeType: image.mimeType,
      }),
    })) as Record<string, unknown>;
    return finish(
      {
        name: text(body.name),
        creditCode: text(body.creditCode),
        legalRepresentative: text(body.legalRepresentative),
        address: text(body.address),
      },
      typeof body.confidence === 'number' ? body.confidence : undefined,
    );
  }
}

/**
 * Baidu AI Cloud's business-licence OCR (`/rest/2.0/ocr/v1/business_license`): a form-encoded
 * base64 image, the access token as a query parameter, answered `words_result` keyed by the
 * licence's own labels; an `error_code` in a 200 answer is a failure.
 */
export class BaiduOcrProvider implements LicenceOcrProvider {
  constructor(private readonly options: { url: string; token?: string }) {}

  async read(image: LicenceImage): Promise<LicenceFields> {
    const url = new URL(this.options.url);
    if (this.options.token) url.searchParams.set('access_token', this.options.token);
    const body = (await call(url.toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ image: image.data.toString('base64') }).toString(),
    })) as { error_code?: number; error_msg?: string; words_result?: Record<string, { words?: string }> };
    if (body.error_code) throw failed(`provider error ${body.error_code}`);
    const words = (label: string) => text(body.words_result?.[label]?.words);
    return finish({
      name: words('单位名称') ?? words('名称'),
      creditCode: words('社会信用代码') ?? words('统一社会信用代码'),
      legalRepresentative: words('法人') ?? words('法定代表人'),
      address: words('地址') ?? words('住所'),
    });
  }
}

export function licenceOcrProvider(config: Config['ocr']): LicenceOcrProvider | undefined {
  if (!config) return undefined;
  return config.format === 'baidu' ? new BaiduOcrProvider(config) : new CairnOcrProvider(config);
}
