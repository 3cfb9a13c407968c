import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareText } from '../../src/domain/compare-text.js';

const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('compareText', () => {
  it('orders the keys the program sorts as localeCompare does', () => {
    const keys = [
      ['2026-03-29', '2025-12-31', '2026-03-28', '2026-10-25'],
      ['09444975940670', '09111642617347', '09222753728458'],
      ['usage_points', 'load_curve', 'day_attempts', '__drizzle_migrations', 'daily_energy', 'max_power'],
      ['2026-12-03T09:00:00.000Z', '2026-12-03T08:59:59.999Z', '2025-01-01T00:00:00.000Z'],
    ];
    for (const list of keys) {
      expect([...list].sort(compareText)).toEqual([...list].sort((a, b) => a.localeCompare(b)));
    }
    expect(compareText('a', 'a')).toBe(0);
  });

  it('is what the server code uses: localeCompare only runs in the browser page', () => {
    const callers = sources(SRC)
      .filter((f) => !f.includes(join('api', 'page', 'client')))
      .filter((f) => /\.localeCompare\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(callers).toEqual([]);
  });
});
