/**
 * The gateway's own per-day cache (Redis on the real service): daily values (24 h), load-curve days, and the
 * batch blacklist. Re-asking cached days costs no quota on the routes that count only when they fetch.
 */
import type { LocalDate } from '../../domain/types.js';
import type { ServedReading } from './dataset.js';

const DAY_MS = 86_400_000;

export class GatewayCache {
  private readonly daily = new Map<string, { wh: number; at: number }>();
  private readonly curve = new Map<string, ServedReading[]>();
  private readonly blacklist = new Map<string, number>();

  getDaily(prm: string, date: LocalDate, now: number): number | undefined {
    const hit = this.daily.get(`${prm}|${date}`);
    return hit && now - hit.at < DAY_MS ? hit.wh : undefined;
  }

  setDaily(prm: string, date: LocalDate, wh: number, now: number): void {
    this.daily.set(`${prm}|${date}`, { wh, at: now });
  }

  getCurve(direction: string, prm: string, date: LocalDate): ServedReading[] | undefined {
    return this.curve.get(`${direction}|${prm}|${date}`);
  }

  setCurve(direction: string, prm: string, date: LocalDate, readings: ServedReading[]): void {
    this.curve.set(`${direction}|${prm}|${date}`, readings);
  }

  isBlacklisted(direction: string, prm: string, date: LocalDate, now: number): boolean {
    const until = this.blacklist.get(`${direction}|${prm}|${date}`);
    return until !== undefined && until > now;
  }

  blacklistDay(direction: string, prm: string, date: LocalDate, now: number): void {
    this.blacklist.set(`${direction}|${prm}|${date}`, now + DAY_MS);
  }

  /** `DELETE /enedis/cache/{pdl}`: drop every entry of a PRM; returns how many were deleted. */
  clear(prm: string): number {
    let n = 0;
    for (const map of [this.daily, this.curve, this.blacklist] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        if (key.split('|').includes(prm)) {
          map.delete(key);
          n++;
        }
      }
    }
    return n;
  }
}
