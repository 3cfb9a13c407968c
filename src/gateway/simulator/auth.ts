/**
 * Credentials of the simulated gateway: `Bearer <client_secret>` (constant-time comparison, never expires) or
 * `Bearer <jwt>` issued by `POST /accounts/token` (HS256 with a simulator secret, `sub` = user id, `exp`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SimUser {
  id: string;
  email: string;
  clientId: string;
  clientSecret: string;
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class TokenAuthority {
  constructor(
    private readonly key: string,
    private readonly user: SimUser,
    private readonly expirySeconds: number,
  ) {}

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }

  issue(nowMs: number): string {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const exp = Math.floor(nowMs / 1000) + this.expirySeconds;
    const payload = b64url(JSON.stringify({ sub: this.user.id, exp }));
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  private verifyJwt(token: string, nowMs: number): boolean {
    const parts = token.split('.');
    if (parts.length !== 3) return false;
    const [h, p, s] = parts as [string, string, string];
    if (!safeEqual(this.sign(`${h}.${p}`), s)) return false;
    try {
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { sub?: unknown; exp?: unknown };
      return claims.sub === this.user.id && typeof claims.exp === 'number' && claims.exp * 1000 > nowMs;
    } catch {
      return false;
    }
  }

  /** True when the token is the client secret or a valid, unexpired JWT. */
  accepts(token: string, nowMs: number): boolean {
    return safeEqual(token, this.user.clientSecret) || this.verifyJwt(token, nowMs);
  }

  checkClient(clientId: string, clientSecret: string): boolean {
    return safeEqual(clientId, this.user.clientId) && safeEqual(clientSecret, this.user.clientSecret);
  }
}

/** The bearer token of a request: `Authorization: Bearer …` or the `access_token` cookie; null if none. */
export function extractToken(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1]!;
  }
  const cookie = headers.cookie;
  if (typeof cookie === 'string') {
    const m = /(?:^|;\s*)access_token=([^;]+)/.exec(cookie);
    if (m) return decodeURIComponent(m[1]!.replace(/^"?Bearer\s+/i, '').replace(/"$/, ''));
  }
  return null;
}
