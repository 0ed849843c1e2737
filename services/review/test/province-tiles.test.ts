import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { provinceTiles } from '../src/web/pages/province-tiles.js';

const css = readFileSync(new URL('../src/stats/static/stats.css', import.meta.url), 'utf8');

it('places each of the 38 provinces once, one to a cell, on a cell the stylesheet knows', () => {
  expect(new Set(provinceTiles.map((tile) => tile.code)).size).toBe(38);
  expect(new Set(provinceTiles.map((tile) => `${tile.column},${tile.row}`)).size).toBe(38);
  for (const tile of provinceTiles) {
    expect(css, tile.code).toContain(`.col-${tile.column} { grid-column: ${tile.column}; }`);
    expect(css, tile.code).toContain(`.row-${tile.row} { grid-row: ${tile.row}; }`);
  }
});
