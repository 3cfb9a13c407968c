/** Golden `eqLogic::save` params: create, re-save with every existing id, adoption of a same-named command. */
import { equipmentSaveParams, GLOBAL_EQUIPMENT_ID, needsSave } from '../../../src/exporters/jeedom/build-requests.js';
import { globalCommands, pdlCommands } from '../../../src/exporters/jeedom/commands.js';
import type { JeedomCmd, JeedomEquipment } from '../../../src/exporters/jeedom/jeedom-api.js';
import type { PdlSnapshot } from '../../../src/sensors/snapshot/snapshot-types.js';

const global = { logicalId: GLOBAL_EQUIPMENT_ID, name: 'RTE Tempo EcoWatt', commands: globalCommands() };
const tile = { dashboard: 'core::tile', mobile: 'core::tile' };
const color = { dashboard: 'core::color', mobile: 'core::color' };

function info(name: string, logicalId: string, order: number, extra: Record<string, unknown> = {}) {
  return {
    name,
    logicalId,
    type: 'info',
    subType: 'numeric',
    isHistorized: 1,
    isVisible: 1,
    order,
    template: tile,
    display: {},
    configuration: { historizeMode: 'none' },
    ...extra,
  };
}

describe('eqLogic::save params', () => {
  it('creates the Tempo and EcoWatt equipment with its full command list (golden)', () => {
    const colour = {
      subType: 'string',
      template: color,
      display: { parameters: { showValue: '1' } },
      configuration: {},
    };
    expect(equipmentSaveParams(global, null, 3)).toEqual({
      eqType_name: 'virtual',
      name: 'RTE Tempo EcoWatt',
      logicalId: 'med_rte',
      object_id: 3,
      isEnable: 1,
      isVisible: 1,
      cmd: [
        info("Couleur Tempo aujourd'hui", 'tempo_today', 0, colour),
        info('Couleur Tempo demain', 'tempo_tomorrow', 1, colour),
        info('Jours Tempo bleus restants', 'tempo_days_blue', 2, { unite: 'j' }),
        info('Jours Tempo blancs restants', 'tempo_days_white', 3, { unite: 'j' }),
        info('Jours Tempo rouges restants', 'tempo_days_red', 4, { unite: 'j' }),
        info('Période Tempo en cours', 'tempo_period', 5, { subType: 'string', configuration: {} }),
        info('Prix Tempo en cours', 'tempo_price', 6, { unite: 'EUR/kWh' }),
        info('EcoWatt J0', 'ecowatt_j0', 7),
        info('EcoWatt J1', 'ecowatt_j1', 8),
        info('EcoWatt J2', 'ecowatt_j2', 9),
        info('EcoWatt J3', 'ecowatt_j3', 10),
      ],
    });
  });

  it('gives a PDL its energies as tiles, powers as gauges against the subscribed power, the curve unaveraged', () => {
    const p = {
      pdl: '12345678901234',
      consumption: {},
      production: null,
      subscribedPowerKva: 9,
    } as unknown as PdlSnapshot;
    const cmd = equipmentSaveParams(
      { logicalId: 'med_12345678901234', name: 'Linky 12345678901234', commands: pdlCommands(p) },
      null,
      null,
    ).cmd as Record<string, unknown>[];
    const byId = new Map(cmd.map((c) => [c.logicalId, c]));
    expect(byId.get('consumption_yesterday')).toEqual(
      info('Consommation hier', 'consumption_yesterday', 0, { unite: 'kWh', generic_type: 'CONSUMPTION' }),
    );
    const gauge = { dashboard: 'core::gauge', mobile: 'core::gauge' };
    expect(byId.get('consumption_curve')).toEqual(
      info('Consommation courbe 30 min', 'consumption_curve', 14, {
        unite: 'W',
        template: gauge,
        configuration: { minValue: 0, maxValue: 9000, historizeMode: 'none' },
        generic_type: 'POWER',
      }),
    );
    expect(byId.get('max_power')).toMatchObject({ unite: 'VA', template: gauge, configuration: { maxValue: 9000 } });
    expect(byId.get('address')).toMatchObject({ subType: 'string', isHistorized: 0, isVisible: 0, configuration: {} });
    expect(byId.has('production_yesterday')).toBe(false);
  });

  it('re-saves with every existing command as Jeedom sent it, adopts a same-named one, adds the missing', () => {
    const equipment = {
      id: 7,
      name: 'RTE Tempo EcoWatt',
      logicalId: 'med_rte',
      eqType_name: 'virtual',
      object_id: 3,
    } as JeedomEquipment;
    const cmds = [
      { id: 70, name: 'Rafraichir', logicalId: 'refresh', type: 'action', subType: 'other' },
      {
        id: 71,
        name: "Couleur Tempo aujourd'hui",
        logicalId: 'tempo_today',
        type: 'info',
        template: { dashboard: 'mine' },
      },
      { id: 72, name: 'EcoWatt J0', logicalId: '', type: 'info' },
      { id: 73, name: 'Ma commande', logicalId: 'user', type: 'info' },
    ] as JeedomCmd[];
    const params = equipmentSaveParams(global, { equipment, cmds }, null);
    expect(params).toMatchObject({ id: 7, object_id: 3, logicalId: 'med_rte' });
    const sent = params.cmd as Record<string, unknown>[];
    expect(sent.slice(0, 4)).toEqual([cmds[0], cmds[1], { ...cmds[2], logicalId: 'ecowatt_j0' }, cmds[3]]);
    expect(sent.slice(4).map((c) => [c.id, c.logicalId])).toEqual([
      [undefined, 'tempo_tomorrow'],
      [undefined, 'tempo_days_blue'],
      [undefined, 'tempo_days_white'],
      [undefined, 'tempo_days_red'],
      [undefined, 'tempo_period'],
      [undefined, 'tempo_price'],
      [undefined, 'ecowatt_j1'],
      [undefined, 'ecowatt_j2'],
      [undefined, 'ecowatt_j3'],
    ]);
  });

  it('needs no save when every command exists in the right object', () => {
    const equipment = { id: 7, object_id: 3 } as unknown as JeedomEquipment;
    const cmds = global.commands.map((c, i) => ({ id: i, name: c.name, logicalId: c.logicalId, type: 'info' }));
    expect(needsSave(global, { equipment, cmds }, 3)).toBe(false);
    expect(needsSave(global, { equipment, cmds }, 4)).toBe(true);
    expect(needsSave(global, { equipment, cmds: cmds.slice(1) }, 3)).toBe(true);
    expect(needsSave(global, null, null)).toBe(true);
  });
});
