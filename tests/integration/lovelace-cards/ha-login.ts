/** Logging Chromium into a real Home Assistant as its frontend does (tokens kept in localStorage). */
import type { HomeAssistantInstance } from '../home-assistant/harness/ha.js';

export type BrowserTokens = { access_token: string; refresh_token: string; expires_in: number };

/** Home Assistant's login flow, as the frontend runs it: user name and password, code, tokens. */
export async function loginFlow(instance: HomeAssistantInstance): Promise<BrowserTokens> {
  const clientId = `${instance.url}/`;
  const post = async (p: string, body: unknown) => {
    const r = await fetch(`${instance.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${p} answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const flow = await post('/auth/login_flow', {
    client_id: clientId,
    handler: ['homeassistant', null],
    redirect_uri: `${clientId}?auth_callback=1`,
  });
  const done = await post(`/auth/login_flow/${String(flow.flow_id)}`, {
    client_id: clientId,
    username: 'test',
    password: 'test-pass-1234',
  });
  const r = await fetch(`${instance.url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: String(done.result), client_id: clientId }),
  });
  if (!r.ok) throw new Error(`/auth/token answered ${r.status}`);
  return (await r.json()) as BrowserTokens;
}

/** The `hassTokens` entry the frontend reads at start (so the page opens logged in). */
export function storedTokens(instance: HomeAssistantInstance, t: BrowserTokens): Record<string, unknown> {
  return {
    hassUrl: instance.url,
    clientId: `${instance.url}/`,
    access_token: t.access_token,
    refresh_token: t.refresh_token,
    token_type: 'Bearer',
    expires_in: t.expires_in,
    expires: Date.now() + t.expires_in * 1000,
  };
}
