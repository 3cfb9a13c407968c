/**
 * Jeedom's protection against failed logins (exporters.md §4.3): 6 failures within 300 s ban the address
 * for 600 s, and a banned address gets a 404 page on every request. Loopback and private ranges are
 * whitelisted by default (tests turn the whitelist off to see the ban).
 */
const PRIVATE = /^(::ffff:)?(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)|^::1$/;

export class BanList {
  private readonly failures = new Map<string, number[]>();
  private readonly bannedUntil = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    public whitelistPrivate = true,
  ) {}

  isBanned(ip: string): boolean {
    return (this.bannedUntil.get(ip) ?? 0) > this.now();
  }

  failedLogin(ip: string): void {
    if (this.whitelistPrivate && PRIVATE.test(ip)) return;
    const now = this.now();
    const recent = [...(this.failures.get(ip) ?? []), now].filter((t) => t > now - 300_000);
    this.failures.set(ip, recent);
    if (recent.length >= 6) this.bannedUntil.set(ip, now + 600_000);
  }
}

export const BANNED_PAGE = '<h1>404 Non trouvé</h1>La page que vous demandez ne peut être trouvée.';
