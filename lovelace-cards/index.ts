/**
 * The MyElectricalData Lovelace cards, one ES module for Home Assistant's dashboard resources
 * (`/local/myelectricaldata-cards.js?v=<hash>`, added by the add-on, or by hand from the local API).
 */
import { EnergyCard } from './energy/card.js';
import { ENERGY_CARD } from './energy/config.js';
import { PowerCard } from './power/card.js';
import { POWER_CARD } from './power/config.js';
import { registerCard } from './shared/base-card.js';
import { StatusCard } from './status/card.js';
import { STATUS_CARD } from './status/config.js';
import { TempoCard } from './tempo/card.js';
import { TEMPO_CARD } from './tempo/config.js';

registerCard(ENERGY_CARD, EnergyCard, {
  name: 'MyElectricalData energy',
  description: 'Linky energy or cost bars per hour, day, week, month or year, with HP/HC and Tempo detail.',
});
registerCard(TEMPO_CARD, TempoCard, {
  name: 'MyElectricalData Tempo',
  description: "Today's and tomorrow's Tempo colour, days left this season, current period and price.",
});
registerCard(POWER_CARD, PowerCard, {
  name: 'MyElectricalData max power',
  description: 'Daily maximum power against the subscribed power, days over a threshold highlighted.',
});
registerCard(STATUS_CARD, StatusCard, {
  name: 'MyElectricalData status',
  description: 'Last sync, newest day held per stream, errors, and "sync now" through the local API.',
});
