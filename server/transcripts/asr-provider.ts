import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { AsrConfig } from './asr-config.ts';
import { utteranceSchema } from './transcripts.ts';

/**
 * Speech recognition behind HTTP (CAIRN_ASR_URL, CAIRN_ASR_TOKEN): Cairn POSTs the audio bytes
 * as they came (`Content-Type` the upload's type, `Authorization: Bearer <token>`), and the
 * service answers JSON `{utterances: [{speaker, at, text}]}` (an adapter in front of a real ASR
 * service speaks this). Without the variables the audio route answers 503 ASR_NOT_CONFIGURED.
 */
export interface AudioInput {
  data: Buffer;
  mimeType: string;
  fileName: string;
}

export interface AsrProvider {
  transcribe(audio: AudioInput): Promise<Array<z.infer<typeof utteranceSchema>>>;
}

const TIMEOUT_MS = 120_000;
const answerSchema = z.object({ utterances: z.array(utteranceSchema).min(1).max(2000) });

const failed = (reason: string) =>
  new AppError('ASR_PROVIDER_FAILED', `the speech recognition service could not transcribe the audio (${reason})`, {
    reason,
  });

export class HttpAsrProvider implements AsrProvider {
  constructor(
    private readonly config: AsrConfig,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  async transcribe(audio: AudioInput) {
    let res: Response;
    try {
      res = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'content-type': audio.mimeType,
          'x-file-name': encodeURIComponent(audio.fileName),
          ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
        },
        body: new Uint8Array(audio.data),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw failed(
        (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : 'unreachable',
      );
    }
    if (!res.ok) throw failed(`HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw failed('the answer is not JSON');
    }
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) throw failed('the answer has no utterances of the form {speaker, at, text}');
    return parsed.data.utterances;
  }
}

export const asrProvider = (config: AsrConfig | undefined): AsrProvider | undefined =>
  config ? new HttpAsrProvider(config) : undefined;
