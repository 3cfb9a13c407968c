/** The status card's visual editor. */
import { defineEditor } from '../shared/base-editor.js';
import { STATUS_CARD } from './config.js';

defineEditor(`${STATUS_CARD}-editor`, [
  { name: 'title', selector: { text: {} } },
  { name: 'pdl', selector: { text: {} } },
  { name: 'api_url', selector: { text: { type: 'url' } } },
]);
