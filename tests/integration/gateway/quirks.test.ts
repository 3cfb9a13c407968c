import type { DateRange } from '../../../src/domain/types.js';
import { GatewayHttpError, GatewayInvalidDateError, GatewayNotActivatedError } from '../../../src/gateway/errors.js';
import { PRM, type Quirks } from '../../../src/gateway/simulator/index.js';
import { caught, simulatedGateway } from './harness.js';

const MONTH: DateRange = { start: '2026-10-20', end: '2026-11-27' };
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function pair(quirks: Partial<Quirks>, clientOptions = {}) {
  const ideal = await simulatedGateway({}, clientOptions);
  const quirky = await simulatedGateway({ quirks }, clientOptions);
  opened.push(ideal.sim, quirky.sim);
  return { ideal, quirky };
}

describe('each quirk switch of the simulator is absorbed by the client', () => {
  it('dailyEndCappedExclusive: same days and values, J-1 never asked, a lone day still fetched', async () => {
    const { ideal, quirky } = await pair({ dailyEndCappedExclusive: true });
    const a = await ideal.client.getDailyEnergy(PRM.house, 'consumption', MONTH);
    const b = await quirky.client.getDailyEnergy(PRM.house, 'consumption', MONTH);
    expect(b.data).toEqual(a.data);
    expect(b.data.at(-1)?.date).toBe('2026-11-25');
    const lone = await quirky.client.getDailyEnergy(PRM.house, 'consumption', {
      start: '2026-11-25',
      end: '2026-11-26',
    });
    expect(lone.data.map((d) => d.date)).toEqual(['2026-11-25']);
  });

  it('dailyEndCappedExclusive: the full 3-year history loses no day at window boundaries (oldest first)', async () => {
    const { ideal, quirky } = await pair({ dailyEndCappedExclusive: true });
    const all = { start: '2000-01-01', end: '2030-01-01' };
    const full = await quirky.client.getDailyEnergy(PRM.house, 'consumption', all);
    expect([full.calls, full.data.length]).toEqual([3, 1095]);
    expect(full.data).toEqual((await ideal.client.getDailyEnergy(PRM.house, 'consumption', all)).data);
  });

  it('detailNoSplitUnsorted: the single-window route in ≤ 7-day windows matches the batch', async () => {
    const { quirky } = await pair({ detailNoSplitUnsorted: true });
    const range = { start: '2026-10-20', end: '2026-11-05' };
    const detail = await quirky.client.getLoadCurveDetail(PRM.house, 'consumption', range);
    const batch = await quirky.client.getLoadCurve(PRM.house, 'consumption', range);
    expect(detail.calls).toBe(3);
    expect(detail.data).toEqual(batch.data);
    expect(detail.data.filter((r) => r.start >= Date.parse('2026-10-24T22:00:00Z')).slice(0, 50)).toHaveLength(50);
  });

  it('endLabels: raw end labels give the same instants (both DST days), with a warning', async () => {
    const { ideal, quirky } = await pair({ endLabels: true });
    const range = { start: '2026-10-24', end: '2026-10-27' };
    const a = await ideal.client.getLoadCurve(PRM.house, 'consumption', range);
    const b = await quirky.client.getLoadCurve(PRM.house, 'consumption', range);
    expect(a.data).toHaveLength(48 + 50 + 48);
    expect(b.data).toEqual(a.data);
    const spring = { start: '2026-03-28', end: '2026-03-31' };
    expect((await quirky.client.getLoadCurve(PRM.house, 'consumption', spring)).data).toEqual(
      (await ideal.client.getLoadCurve(PRM.house, 'consumption', spring)).data,
    );
    expect(quirky.logger.lines.some((l) => l.level === 'warn' && /interval ends/.test(l.msg))).toBe(true);
  });

  it('passthroughErr0123AsSuccess: success:true + data.error before activation → GatewayNotActivatedError', async () => {
    const { quirky } = await pair({ passthroughErr0123AsSuccess: true });
    const err = await caught(() => quirky.client.getMaxPower(PRM.newHouse, { start: '2025-01-01', end: '2025-06-01' }));
    expect(err).toBeInstanceOf(GatewayNotActivatedError);
    expect(quirky.sim.requestLog[0]?.code).toBeNull();
  });

  it('tempoStartExclusive: the same Tempo days either way', async () => {
    const { ideal, quirky } = await pair({ tempoStartExclusive: true });
    const range = { start: '2026-11-01', end: '2026-11-28' };
    const a = await ideal.client.getTempoDays(range);
    expect(a.map((d) => d.date)).toEqual(
      Array.from({ length: 27 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`),
    );
    expect(await quirky.client.getTempoDays(range)).toEqual(a);
  });

  it('readingTypeFallbackW: the unit of reading_type is ignored (values are Wh)', async () => {
    const { ideal, quirky } = await pair({ readingTypeFallbackW: true });
    const a = await ideal.client.getDailyEnergy(PRM.house, 'consumption', MONTH);
    expect((await quirky.client.getDailyEnergy(PRM.house, 'consumption', MONTH)).data).toEqual(a.data);
  });

  it('batchBlacklist: an unpublished J-1 gives no readings and no error', async () => {
    const { quirky } = await pair({ batchBlacklist: true });
    const res = await quirky.client.getLoadCurve(PRM.solarFarm, 'production', {
      start: '2026-11-26',
      end: '2026-11-27',
    });
    expect(res.data).toEqual([]);
    expect(res.calls).toBe(1);
  });

  it('feb29Failures: INVALID_DATE_FORMAT on daily, HTTP 500 on batch (after retries)', async () => {
    const { quirky } = await pair({ feb29Failures: true });
    quirky.clock.set(Date.parse('2028-02-29T09:00:00Z'));
    const week = { start: '2028-02-20', end: '2028-02-27' };
    expect(await caught(() => quirky.client.getDailyEnergy(PRM.house, 'consumption', week))).toBeInstanceOf(
      GatewayInvalidDateError,
    );
    const err = await caught(() => quirky.client.getLoadCurve(PRM.house, 'consumption', week));
    expect([err.constructor, err.status, err.calls]).toEqual([GatewayHttpError, 500, 3]);
  });
});
