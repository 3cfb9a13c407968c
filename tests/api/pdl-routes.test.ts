import { PDL_HOME, PDL_SOLAR, UNKNOWN_PDL } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const home = {
  pdl: PDL_HOME,
  name: 'Maison',
  isActive: true,
  hasConsumption: true,
  hasProduction: false,
  subscribedPowerKva: 9,
  offpeakHours: [{ start: '22:00', end: '06:00' }],
  pricingOption: 'HC_HP',
  contractStatus: 'SERVC',
  activationDate: null,
  oldestAvailableDataDate: null,
  lastSyncAt: '2026-11-27T11:00:00+01:00',
  address: {
    street: '1 rue de Rivoli',
    postalCode: '75001',
    city: 'PARIS',
    locality: null,
    inseeCode: '75101',
    country: 'France',
    latitude: null,
    longitude: null,
  },
  contract: {
    segment: 'C5',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '22:00', end: '06:00' }],
    distributionTariff: 'BTINFMUDT',
    contractType: 'CRAE',
    contractStatus: 'SERVC',
    usagePointStatus: 'com',
    meterType: 'AMM',
    lastActivationDate: '2019-05-02',
    lastDistributionTariffChangeDate: null,
  },
};

const solar = {
  pdl: PDL_SOLAR,
  name: null,
  isActive: true,
  hasConsumption: false,
  hasProduction: true,
  subscribedPowerKva: null,
  offpeakHours: [],
  pricingOption: null,
  contractStatus: null,
  activationDate: null,
  oldestAvailableDataDate: null,
  lastSyncAt: null,
  address: null,
  contract: null,
};

describe('GET /api/pdls', () => {
  it('lists every PDL with its contract, address and last sync, without gateway ids', async () => {
    const res = await h.api.inject('/api/pdls');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual([home, solar]);
    expect(res.body).not.toContain('uuid-home');
  });
});

describe('GET /api/pdls/{pdl}', () => {
  it('returns one PDL', async () => {
    const res = await h.api.inject(`/api/pdls/${PDL_HOME}`);
    expect(res.json()).toEqual(home);
  });

  it('answers 404 for an unknown PDL and 400 for something that is not a PDL', async () => {
    const unknown = await h.api.inject(`/api/pdls/${UNKNOWN_PDL}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe(
      `unknown PDL ${UNKNOWN_PDL}: GET /api/pdls lists the PDLs known to this client`,
    );
    const bad = await h.api.inject('/api/pdls/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('pdl "abc" is not a PDL: use the 14-digit number listed by GET /api/pdls');
  });
});
