/** The Tempo card's visual editor. */
import { defineEditor } from '../shared/base-editor.js';
import { TEMPO_CARD } from './config.js';

defineEditor(`${TEMPO_CARD}-editor`, [
  { name: 'title', selector: { text: {} } },
  { name: 'offpeak', selector: { text: { multiple: true } } },
  { name: 'prices', selector: { object: {} } },
]);
