/** Styles shared by every card: Home Assistant theme variables only, so light and dark themes just work. */
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    padding: 12px 16px 16px;
    color: var(--primary-text-color, #212121);
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    box-sizing: border-box;
    height: 100%;
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  h2 {
    margin: 0;
    font-size: var(--ha-card-header-font-size, 1.2em);
    font-weight: 500;
  }
  .muted {
    color: var(--secondary-text-color, #727272);
    font-size: 0.9em;
  }
  .big {
    font-size: 1.6em;
    font-weight: 500;
  }
  .error {
    color: var(--error-color, #db4437);
    border-left: 4px solid var(--error-color, #db4437);
    padding: 8px 12px;
    white-space: pre-wrap;
  }
  button {
    font: inherit;
    color: var(--primary-color, #03a9f4);
    background: none;
    border: 1px solid var(--divider-color, #e0e0e0);
    border-radius: 8px;
    padding: 4px 10px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  svg {
    width: 100%;
    height: 180px;
    display: block;
  }
  svg .axis {
    font-size: 10px;
    fill: var(--secondary-text-color, #727272);
  }
  svg .grid {
    stroke: var(--divider-color, #e0e0e0);
    stroke-width: 1;
  }
  svg .compare {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 2;
    opacity: 0.7;
  }
  svg .threshold {
    stroke: var(--error-color, #db4437);
    stroke-dasharray: 6 4;
    stroke-width: 1.5;
  }
  svg .missing {
    fill: url(#hatch);
  }
  svg .bar.derived .main rect,
  svg .bar.incomplete .main rect {
    opacity: 0.45;
  }
  .legend i.derived {
    opacity: 0.45;
  }
  .legend i.missing {
    background: repeating-linear-gradient(45deg, var(--disabled-text-color, #bdbdbd) 0 2px, transparent 2px 5px);
    outline: 1px solid var(--disabled-text-color, #bdbdbd);
  }
  svg .hatch {
    stroke: var(--disabled-text-color, #bdbdbd);
    stroke-width: 2;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 0.85em;
    margin-top: 6px;
    padding: 0;
    list-style: none;
  }
  .legend i {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
  }
  .day {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .dot {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    display: inline-block;
    border: 2px solid var(--divider-color, #e0e0e0);
  }
  .rows {
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
  }
  .rows li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 2px 0;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

export { COLOURS } from './colours.js';
