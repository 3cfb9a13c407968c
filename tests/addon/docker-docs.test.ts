/** The README shows the documented `docker run` line and the compose example with its optional services. */
import { parse } from 'yaml';
import { readText } from './addon-files.js';

describe('Docker documentation', () => {
  it('README shows the docker run command of the product documentation', () => {
    const readme = readText('README.md').replace(/\\\n\s*/g, '');
    expect(readme).toContain(
      'docker run -d -e CLIENT_ID=… -e CLIENT_SECRET=… -e GATEWAY_URL=… -v myelectricaldata_data:/data -p 8080:8080 myelectricaldata-client-local',
    );
    expect(readme).toContain('docker-compose.example.yml');
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
