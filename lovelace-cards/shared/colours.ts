/**
 * Series colours, framework-free: shared by the cards and the local web page. Home Assistant's energy
 * colours when the theme sets them (the page has no such variables, so the fallbacks apply), fixed Tempo colours.
 */
export const COLOURS: Record<string, string> = {
  total: 'var(--energy-grid-consumption-color, #488fc2)',
  production: 'var(--energy-solar-color, #ff9800)',
  hp: 'var(--energy-grid-consumption-color, #488fc2)',
  hc: '#8cc1e6',
  blue_hp: '#1565c0',
  blue_hc: '#64b5f6',
  white_hp: '#9e9e9e',
  white_hc: '#d6d6d6',
  red_hp: '#c62828',
  red_hc: '#ef7f7f',
  blue: '#1e88e5',
  white: '#bdbdbd',
  red: '#e53935',
};
