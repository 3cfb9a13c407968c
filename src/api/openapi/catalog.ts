/** Every operation of the API, in the order of the docs page (each route file declares its own). */
import { AGGREGATE_OPERATIONS } from '../routes/aggregate.js';
import { CONFIG_OPERATIONS } from '../routes/config.js';
import { COST_OPERATIONS } from '../routes/cost.js';
import { ENERGY_OPERATIONS } from '../routes/energy.js';
import { EXPORTER_OPERATIONS } from '../routes/exporters.js';
import { FORGET_OPERATIONS } from '../routes/forget.js';
import { GRID_OPERATIONS } from '../routes/grid.js';
import { HEALTH_OPERATIONS } from '../routes/health.js';
import { METRICS_OPERATIONS } from '../routes/metrics.js';
import { PAGE_OPERATIONS } from '../routes/page.js';
import { PDL_OPERATIONS } from '../routes/pdls.js';
import { REFETCH_OPERATIONS } from '../routes/refetch.js';
import { REIMPORT_OPERATIONS } from '../routes/reimport-statistics.js';
import { STATUS_OPERATIONS } from '../routes/status.js';
import { SYNC_OPERATIONS } from '../routes/sync.js';
import type { Operation } from './operation.js';

const DESCRIPTION_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This OpenAPI 3.1 document (no token needed: it holds no data)',
    public: true,
    responses: { 200: { description: 'The document.', text: 'application/json' } },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'system',
    summary: 'The API documentation as a page (rendered from this document, works offline)',
    public: true,
    responses: { 200: { description: 'The page.', text: 'text/html' } },
  },
];

export const OPERATIONS: readonly Operation[] = [
  ...PDL_OPERATIONS,
  ...ENERGY_OPERATIONS,
  ...AGGREGATE_OPERATIONS,
  ...COST_OPERATIONS,
  ...GRID_OPERATIONS,
  ...SYNC_OPERATIONS,
  ...REFETCH_OPERATIONS,
  ...FORGET_OPERATIONS,
  ...REIMPORT_OPERATIONS,
  ...STATUS_OPERATIONS,
  ...CONFIG_OPERATIONS,
  ...EXPORTER_OPERATIONS,
  ...HEALTH_OPERATIONS,
  ...METRICS_OPERATIONS,
  ...DESCRIPTION_OPERATIONS,
  ...PAGE_OPERATIONS,
];
