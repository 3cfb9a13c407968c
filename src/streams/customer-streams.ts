/** What the gateway knows of a PDL's customer side: its contract (consumption points only) and address. */
import type { Address, Contract } from '../domain/types.js';
import { recordOffpeakSchedule } from '../store/tariff-history.js';
import type { SnapshotStreamSpec } from './spec.js';

export const CONTRACT: SnapshotStreamSpec<Contract, never, 'contract'> = {
  name: 'contract',
  kind: 'contract',
  unit: 'snapshot',
  owner: 'consumption',
  energy: null,
  codec: null,
  fetch: (client, pdl, options) => client.getContract(pdl, options),
  async write(store, contract, nowMs) {
    await store.setContract(contract);
    // The off-peak hours in force change over time: keep them dated, for the tariff engine.
    await recordOffpeakSchedule(store, contract.pdl, contract.offpeakHours, nowMs);
    return null;
  },
};

export const ADDRESS: SnapshotStreamSpec<Address, never, 'address'> = {
  name: 'address',
  kind: 'address',
  unit: 'snapshot',
  owner: 'every-pdl',
  energy: null,
  codec: null,
  fetch: (client, pdl, options) => client.getAddress(pdl, options),
  async write(store, address) {
    await store.setAddress(address);
    return null;
  },
};
