import { parseAddress, parseContract, parseKva } from '../../src/domain/parse-contract.js';
import { parseEnedisDate } from '../../src/domain/parse-enedis-date.js';

const raw = {
  customer: {
    customer_id: '1358019319',
    usage_points: [
      {
        usage_point: {
          usage_point_id: '12345678901234',
          usage_point_status: 'com',
          meter_type: 'AMM',
          usage_point_addresses: {
            street: '1 rue de la Paix',
            locality: null,
            postal_code: '75002',
            insee_code: '75102',
            city: 'Paris',
            country: 'France',
            geo_points: { latitude: '48.8686', longitude: '2.3310', altitude: '35' },
          },
        },
        contracts: {
          segment: 'C5',
          subscribed_power: '9 kVA',
          last_activation_date: '2013-08-14+01:00',
          distribution_tariff: 'BTINFCUDT',
          offpeak_hours: 'HC (22H00-6H00;12H00-14H00)',
          contract_type: 'CRAE',
          contract_status: 'SERVC',
          last_distribution_tariff_change_date: '2017-05-25+02:00',
        },
      },
    ],
  },
};

describe('parseContract', () => {
  it('reads the raw Enedis contract strings', () => {
    expect(parseContract(raw, '12345678901234')).toEqual({
      pdl: '12345678901234',
      segment: 'C5',
      subscribedPowerKva: 9,
      offpeakHours: [
        { start: '22:00', end: '06:00' },
        { start: '12:00', end: '14:00' },
      ],
      distributionTariff: 'BTINFCUDT',
      contractType: 'CRAE',
      contractStatus: 'SERVC',
      usagePointStatus: 'com',
      meterType: 'AMM',
      lastActivationDate: '2013-08-14',
      lastDistributionTariffChangeDate: '2017-05-25',
    });
  });

  it('tolerates a contract without contracts block (production point)', () => {
    const c = parseContract({ customer: { usage_points: [{ usage_point: { usage_point_id: '1' } }] } }, '1');
    expect(c.subscribedPowerKva).toBeNull();
    expect(c.offpeakHours).toEqual([]);
    expect(c.lastActivationDate).toBeNull();
  });
});

describe('parseAddress', () => {
  it('reads the address inside usage_point', () => {
    expect(parseAddress(raw, '12345678901234')).toEqual({
      pdl: '12345678901234',
      street: '1 rue de la Paix',
      locality: null,
      postalCode: '75002',
      inseeCode: '75102',
      city: 'Paris',
      country: 'France',
      latitude: 48.8686,
      longitude: 2.331,
    });
  });
});

describe('contract value parsers', () => {
  it('parses kVA strings', () => {
    expect(['9 kVA', '12', '6,5 kVA', '', null].map(parseKva)).toEqual([9, 12, 6.5, null, null]);
  });

  it('reads dates with an offset as the local date, instants as their Paris day', () => {
    expect(parseEnedisDate('2013-08-14+01:00')).toBe('2013-08-14');
    expect(parseEnedisDate('2019-03-04')).toBe('2019-03-04');
    expect(parseEnedisDate('2019-03-03T23:30:00Z')).toBe('2019-03-04');
    expect(parseEnedisDate('2019-03-04T00:00:00+01:00')).toBe('2019-03-04');
    expect(parseEnedisDate('not a date')).toBeNull();
    expect(parseEnedisDate(null)).toBeNull();
  });
});
