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

  it('filters by level, merges the bindings of nested children and keeps fields in the order given', () => {
    const { out, text } = capture();
    const log = createLogger({ level: 'warn', tty: false, destination: out });
    const child = log.child({ component: 'home-assistant' }).child({ pdl: '00000000000001' });
    child.info('not shown at warn');
    child.warn({ attempt: 2, pdl: '00000000000002' }, 'retrying');
    log.error(new Error('boom') as unknown as Record<string, unknown>);
    log.fatal('the end');
    const lines = text().trimEnd().split('\n');
    expect(lines.map((l) => l.slice(22))).toEqual([
      'WARN: [home-assistant] retrying {"pdl":"00000000000002","attempt":2}',
      'ERROR: {"error":"boom"}',
      'FATAL: the end',
    ]);
  });

  it('writes nothing when silent, and colours the level and message on a TTY', () => {
    const silent = capture();
    createLogger({ level: 'silent', tty: false, destination: silent.out }).fatal('never');
    expect(silent.text()).toBe('');
    const { out, text } = capture();
    createLogger({ level: 'trace', tty: true, destination: out }).child({ component: 'api' }).trace('listening');
    const esc = String.fromCharCode(27);
    expect(text().endsWith(`] ${esc}[90mTRACE${esc}[39m: ${esc}[36m[api] listening${esc}[39m\n`)).toBe(true);
  });

  it('writes each line before returning (nothing lost when the process exits right after)', () => {
    const written: string[] = [];
    const destination = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
    createLogger({ level: 'info', tty: false, destination }).info('last words');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/INFO: last words\n$/);
  });
});
