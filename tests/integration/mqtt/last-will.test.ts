import { spawn } from 'node:child_process';
import path from 'node:path';
import { type Mosquitto, startMosquitto } from './mosquitto.js';
import { record } from './recorder.js';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker.stop());

test('the last will "offline" (retained) is delivered when the client process is SIGKILLed', async () => {
  const rec = await record(broker.url, ['willtest/status']);
  // One process (node with the tsx loader), so SIGKILL hits the MQTT client itself, not a wrapper.
  const args = ['--import', 'tsx', path.resolve('tests/integration/mqtt/will-child.ts'), broker.url, 'willtest'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('connected') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    await rec.waitFor((all) => all.some((m) => m.body === 'online'));
    child.kill('SIGKILL');
    await rec.waitFor((all) => all.at(-1)?.body === 'offline', 10_000);
    expect(rec.last('willtest/status')).toEqual({ topic: 'willtest/status', body: 'offline', retain: true, qos: 1 });
    // Retained: a client that subscribes later sees it too.
    const later = await record(broker.url, ['willtest/status']);
    await later.waitFor((all) => all.length > 0);
    expect(later.last('willtest/status')?.body).toBe('offline');
    await later.close();
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rec.close();
  }
}, 20_000);
