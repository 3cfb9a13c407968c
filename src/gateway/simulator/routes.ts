/** The route table of the simulated gateway: exact paths (no trailing slash, except `/tempo/`). */
import { getPdl, issueToken, listPdls, me, ping, root, usageStats } from './route-account.js';
import { batchDetail } from './route-batch.js';
import { consumptionDaily } from './route-consumption-daily.js';
import { consumptionDetail } from './route-consumption-detail.js';
import { customerRoute, deleteCache } from './route-customer.js';
import { ecowattCurrent, ecowattForecast, ecowattHistory } from './route-ecowatt.js';
import { passthrough } from './route-passthrough.js';
import { tempoDays, tempoForecast, tempoList, tempoToday, tempoWeek } from './route-tempo.js';
import type { Handler, Route } from './state.js';

const SEG = '([^/]+)';

function route(method: string, path: string, auth: boolean, handler: Handler): Route {
  return { method, pattern: new RegExp(`^${path.replace(/\{[a-z_]+\}/g, SEG)}$`), auth, handler };
}

export const ROUTES: Route[] = [
  route('GET', '/', false, root),
  route('GET', '/ping', false, ping),
  route('POST', '/accounts/token', false, issueToken),
  route('GET', '/accounts/me', true, me),
  route('GET', '/accounts/usage-stats', true, usageStats),
  route('GET', '/pdl', true, listPdls),
  route('GET', '/pdl/{id}', true, getPdl),
  route('GET', '/enedis/contract/{pdl}', true, customerRoute('contract')),
  route('GET', '/enedis/address/{pdl}', true, customerRoute('address')),
  route('GET', '/enedis/customer/{pdl}', true, customerRoute('customer')),
  route('GET', '/enedis/contact/{pdl}', true, customerRoute('contact')),
  route('GET', '/enedis/consumption/daily/{pdl}', true, consumptionDaily),
  route('GET', '/enedis/consumption/detail/batch/{pdl}', true, batchDetail('consumption')),
  route('GET', '/enedis/consumption/detail/{pdl}', true, consumptionDetail),
  route('GET', '/enedis/production/daily/{pdl}', true, passthrough('production_daily')),
  route('GET', '/enedis/production/detail/batch/{pdl}', true, batchDetail('production')),
  route('GET', '/enedis/production/detail/{pdl}', true, passthrough('production_curve')),
  route('GET', '/enedis/power/{pdl}', true, passthrough('max_power')),
  route('DELETE', '/enedis/cache/{pdl}', true, deleteCache),
  route('GET', '/tempo/days', false, tempoDays),
  route('GET', '/tempo', false, tempoList),
  route('GET', '/tempo/', false, tempoList),
  route('GET', '/tempo/today', false, tempoToday),
  route('GET', '/tempo/week', false, tempoWeek),
  route('GET', '/tempo/forecast', false, tempoForecast),
  route('GET', '/ecowatt/forecast', true, ecowattForecast),
  route('GET', '/ecowatt/current', true, ecowattCurrent),
  route('GET', '/ecowatt/history', true, ecowattHistory),
];
