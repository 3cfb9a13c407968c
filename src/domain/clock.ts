/** The clock is injected everywhere so tests can freeze it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(ms: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = ms;
  return {
    now: () => current,
    set: (v: number) => {
      current = v;
    },
    advance: (d: number) => {
      current += d;
    },
  };
}
