/** The README shows the documented `docker run` line and the compose example with its optional services. */
import { parse } from 'yaml';
import { readText } from './addon-files.js';

describe('Docker documentation', () => {
  it('README shows the docker run command of the product documentation, published and built locally', () => {
    const readme = readText('README.md').replace(/\\\n\s*/g, '');
    const run =
      'docker run -d -e CLIENT_ID=… -e CLIENT_SECRET=… -e GATEWAY_URL=… -v myelectricaldata_data:/data -p 8080:8080';
    // The published image name is checked against the release workflow in release-workflow.test.ts.
    expect(readme).toContain(`${run} ghcr.io/myelectricaldata/myelectricaldata-client-local:latest`);
    expect(readme).toContain('docker build -t myelectricaldata-client-local .');
    expect(readme).toContain(`${run} myelectricaldata-client-local\n`);
    expect(readme).toContain('docker build -f addon/Dockerfile');
    expect(readme).toContain('docker-compose.example.yml');
  });

  it('README gives the add-on store steps, how to update and how to build the add-on locally', () => {
    const readme = readText('README.md');
    expect(readme).toContain('*Settings → Add-ons → Add-on store*, menu **⋮** (top right) → *Repositories*');
    expect(readme).toContain('`https://github.com/MyElectricalData/myelectricaldata-client-local`');
    expect(readme.match(/\*\*Updating\*\*/g)).toHaveLength(2);
    expect(readme).toContain('npm run addon:local -- <folder>');
  });

  it('the compose example builds the image, keeps data in a volume and offers PostgreSQL and Mosquitto', () => {
    const compose = parse(readText('docker-compose.example.yml')) as {
      services: Record<string, { build?: string; volumes?: string[]; profiles?: string[]; environment?: object }>;
    };
    const app = compose.services.myelectricaldata;
    expect(app.build).toBe('.');
    expect(app.volumes).toEqual(['myelectricaldata_data:/data']);
    expect(Object.keys(app.environment ?? {})).toEqual(expect.arrayContaining(['CLIENT_ID', 'CLIENT_SECRET']));
    expect(compose.services.postgres.profiles).toEqual(['postgres']);
    expect(compose.services.mosquitto.profiles).toEqual(['mqtt']);
    const commented = readText('docker-compose.example.yml');
    expect(commented).toContain('DATABASE_URL: "postgres://med:change-me@postgres:5432/med"');
    expect(commented).toContain('MQTT_URL: "mqtt://mosquitto:1883"');
  });
});
