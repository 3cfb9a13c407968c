/** The energy card's visual editor (loaded only when the dashboard editor opens it). */
import { defineEditor } from '../shared/base-editor.js';
import { ENERGY_CARD } from './config.js';

defineEditor(`${ENERGY_CARD}-editor`, [
  { name: 'title', selector: { text: {} } },
  { name: 'statistics', selector: { statistic: { multiple: true } }, pdlField: 'pdls' },
  { name: 'period', selector: { select: { mode: 'dropdown', options: ['hour', 'day', 'week', 'month', 'year'] } } },
  { name: 'count', selector: { number: { min: 1, max: 1100, mode: 'box' } } },
  { name: 'metric', selector: { select: { options: ['energy', 'cost'] } } },
  { name: 'direction', selector: { select: { options: ['consumption', 'production', 'both'] } } },
  { name: 'stack', selector: { select: { options: ['auto', 'none', 'hp_hc', 'tempo'] } } },
  { name: 'compare', selector: { select: { options: ['none', 'previous', 'last_year'] } } },
  { name: 'energy_date_selection', selector: { boolean: {} } },
  { name: 'collection_key', selector: { text: {} } },
  { name: 'show_totals', selector: { boolean: {} } },
  { name: 'api_url', selector: { text: { type: 'url' } } },
]);
