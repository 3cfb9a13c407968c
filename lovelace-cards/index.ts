/**
 * The MyElectricalData Lovelace cards, one ES module for Home Assistant's dashboard resources
 * (`/local/myelectricaldata-cards.js?v=<hash>`, added by the add-on, or by hand from the local API).
 */
import { registerCard } from './shared/base-card.js';
import { EnergyCard } from './energy/card.js';
import { ENERGY_CARD } from './energy/config.js';

registerCard(ENERGY_CARD, EnergyCard, {
  name: 'MyElectricalData energy',
  description: 'Linky energy or cost bars per hour, day, week, month or year, with HP/HC and Tempo detail.',
});
