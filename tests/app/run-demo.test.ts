import { demoConfig } from '../../src/app/run-demo.js';
import { ConfigError } from '../../src/config/index.js';

const settings = { gatewayUrl: 'http://127.0.0.1:4321/api', clientSecret: 'demo-secret', dataDir: '/tmp/x', port: 0 };

describe('demoConfig', () => {
  it('goes through the config loader: validated values and every default filled in', async () => {
    const config = await demoConfig(settings);
    expect(config).toMatchObject({
      gateway_url: 'http://127.0.0.1:4321/api',
      client_secret: 'demo-secret',
      data_dir: '/tmp/x',
      port: 0,
      sync_on_start: true,
      sync_curve: true,
      pdls: [],
    });
    // Defaults come from the schema, not from a hand-written object.
    expect(config.log_level).toBe('info');
    expect(Object.keys(config).length).toBeGreaterThan(10);
  });

  it('rejects what any config would reject, naming the setting', async () => {
    await expect(demoConfig({ ...settings, port: 70_000 })).rejects.toThrow(ConfigError);
    await expect(demoConfig({ ...settings, port: 70_000 })).rejects.toThrow(/port/);
  });
});
