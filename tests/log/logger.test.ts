import { PassThrough } from 'node:stream';
import { createLogger } from '../../src/log/logger.js';
import { registerSecret } from '../../src/log/redact.js';

function capture() {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { out, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('writes one plain line per event with the component, fields and no colour codes off a TTY', () => {
    const { out, text } = capture();
    const log = createLogger({ level: 'info', tty: false, destination: out });
    log.child({ component: 'sync' }).info({ calls: 29 }, 'sync finished');
    log.debug('not shown at info');
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] INFO: \[sync\] sync finished \{"calls":29\}$/);
    expect(text()).not.toContain('\u001b[');
  });

  it('redacts registered secrets in messages and fields', () => {
    const { out, text } = capture();
    registerSecret('s3cr3t-client-secret');
    const log = createLogger({ level: 'info', tty: false, destination: out });
    log.error({ header: 'Bearer s3cr3t-client-secret' }, 'refused s3cr3t-client-secret');
    expect(text()).not.toContain('s3cr3t-client-secret');
    expect(text()).toContain('refused ***');
  });
});
