import { readFileSync } from 'node:fs';
import { PRODUCT_NAME, PRODUCT_VERSION, USER_AGENT } from '../../src/gateway/user-agent.js';

describe('User-Agent', () => {
  it('carries the name and version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', `file://${__filename}`), 'utf8'));
    expect([PRODUCT_NAME, PRODUCT_VERSION]).toEqual([pkg.name, pkg.version]);
    expect(USER_AGENT).toBe(`${pkg.name}/${pkg.version}`);
  });
});
