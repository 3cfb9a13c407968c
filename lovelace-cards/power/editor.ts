/** The power card's visual editor. */
import { defineEditor } from '../shared/base-editor.js';
import { POWER_CARD } from './config.js';

defineEditor(`${POWER_CARD}-editor`, [
  { name: 'title', selector: { text: {} } },
  { name: 'pdl', selector: { text: {} } },
  { name: 'days', selector: { number: { min: 7, max: 366, mode: 'box' } } },
  { name: 'threshold', selector: { number: { min: 1, max: 200, unit_of_measurement: '%' } } },
]);
