/**
 * Public Tempo routes. `/tempo/days` filters on `start_date`/`end_date`, `/tempo` on `start`/`end` (without
 * `rte_updated_date`); other names are ignored (whole history). Filters inclusive; quirk
 * `tempoStartExclusive` makes the start exclusive. Tomorrow appears after the publication time.
 */
import { addDays, isLocalDate } from '../../domain/time.js';
import { envelope, isIssue, parseIntParam, type Reply, validationError } from './http-kit.js';
import type { RouteContext } from './state.js';
import type { TempoEntry } from './tempo-calendar.js';

function filtered(ctx: RouteContext, startName: string, endName: string): TempoEntry[] {
  const start = ctx.query.get(startName);
  const end = ctx.query.get(endName);
  const exclusive = ctx.sim.quirks.tempoStartExclusive;
  return ctx.sim.tempo.visible(ctx.today, ctx.now).filter((e) => {
    if (start && isLocalDate(start) && (exclusive ? e.date <= start : e.date < start)) return false;
    return !(end && isLocalDate(end) && e.date > end);
  });
}

export function tempoDays(ctx: RouteContext): Reply {
  return envelope(ctx.now, filtered(ctx, 'start_date', 'end_date'));
}

export function tempoList(ctx: RouteContext): Reply {
  const list = filtered(ctx, 'start', 'end').map(({ date, color, updated_at }) => ({ date, color, updated_at }));
  return envelope(ctx.now, list);
}

export function tempoToday(ctx: RouteContext): Reply {
  const day = ctx.sim.quirks.tempoTodayUtc ? new Date(ctx.now).toISOString().slice(0, 10) : ctx.today;
  return envelope(ctx.now, ctx.sim.tempo.entry(day));
}

export function tempoWeek(ctx: RouteContext): Reply {
  const from = addDays(ctx.today, -6);
  return envelope(
    ctx.now,
    ctx.sim.tempo.visible(ctx.today, ctx.now).filter((e) => e.date >= from),
  );
}

function seasonOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export function tempoForecast(ctx: RouteContext): Reply {
  const days = parseIntParam(ctx.query, 'days', 6, 1, 6);
  if (isIssue(days)) return validationError([days]);
  const season = seasonOf(ctx.today);
  const seasonStart = `${season.slice(0, 4)}-09-01`;
  const used = { BLUE: 0, WHITE: 0, RED: 0 };
  for (const e of ctx.sim.tempo.visible(ctx.today, ctx.now)) if (e.date >= seasonStart) used[e.color] += 1;
  const forecasts = Array.from({ length: days }, (_, i) => {
    const date = addDays(ctx.today, i + 1);
    const red = ['11', '12', '01', '02', '03'].includes(date.slice(5, 7)) ? 0.12 : 0;
    const white = 0.1 + red;
    const blue = Number((1 - red - white).toFixed(2));
    const most_likely = 'BLUE';
    return {
      date,
      probability_blue: blue,
      probability_white: white,
      probability_red: red,
      most_likely,
      confidence: blue,
    };
  });
  const season_stats = {
    blue_used: used.BLUE,
    white_used: used.WHITE,
    red_used: used.RED,
    blue_remaining: Math.max(0, 300 - used.BLUE),
    white_remaining: 43 - used.WHITE,
    red_remaining: 22 - used.RED,
  };
  return envelope(ctx.now, { season, season_stats, forecasts });
}
