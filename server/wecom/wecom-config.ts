/**
 * The WeCom (企业微信) self-built app Cairn sends app messages through and signs the sidebar's
 * JS-SDK `agentConfig` with: CAIRN_WECOM_CORP_ID, CAIRN_WECOM_AGENT_ID, CAIRN_WECOM_SECRET, and
 * CAIRN_WECOM_API_URL (default https://qyapi.weixin.qq.com). The secret is never logged.
 */
export interface WecomConfig {
  corpId: string;
  agentId: number;
  secret: string;
  apiUrl: string;
}

export function wecomEnv(env: NodeJS.ProcessEnv): WecomConfig | undefined {
  const corpId = env.CAIRN_WECOM_CORP_ID?.trim();
  const agent = env.CAIRN_WECOM_AGENT_ID?.trim();
  const secret = env.CAIRN_WECOM_SECRET?.trim();
  if (!corpId && !agent && !secret) return undefined;
  if (!corpId || !agent || !secret)
    throw new Error('CAIRN_WECOM_CORP_ID, CAIRN_WECOM_AGENT_ID and CAIRN_WECOM_SECRET are set together or not at all');
  if (!/^\d{1,12}$/.test(agent)) throw new Error(`CAIRN_WECOM_AGENT_ID must be a number, got "${agent}"`);
  const apiUrl = (env.CAIRN_WECOM_API_URL?.trim() || 'https://qyapi.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiUrl)) throw new Error(`CAIRN_WECOM_API_URL must be an http(s) URL, got "${apiUrl}"`);
  return { corpId, agentId: Number(agent), secret, apiUrl };
}
