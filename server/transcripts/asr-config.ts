/** The speech recognition service (CAIRN_ASR_URL, CAIRN_ASR_TOKEN); see asr-provider.ts. */
export interface AsrConfig {
  url: string;
  token?: string;
}

export function asrEnv(env: NodeJS.ProcessEnv): AsrConfig | undefined {
  const url = env.CAIRN_ASR_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\//.test(url)) throw new Error(`CAIRN_ASR_URL must be an http(s) URL, got "${url}"`);
  return { url, token: env.CAIRN_ASR_TOKEN || undefined };
}
