/**
 * The Dockerfiles against the build output: every COPY source exists after `npm run build`, and the
 * program starts from what the image would hold (an empty folder with only the copied files), serves
 * /api/health, keeps its data in the data folder only and exits cleanly on SIGTERM.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../addon/addon-files.js';
import { copies, readDockerfile } from '../../addon/dockerfile.js';
import { assembleImage, buildOnce, freePort, type ImageLayout, runProgram, waitFor } from './image-layout.js';

jest.setTimeout(120_000);

beforeAll(() => buildOnce());

describe.each([
  { dockerfile: 'Dockerfile', main: 'main.mjs' },
  { dockerfile: 'addon/Dockerfile', main: 'main.mjs' },
])('$dockerfile', ({ dockerfile, main }) => {
  let image: ImageLayout;
  let data: string;

  beforeAll(() => {
    image = assembleImage(dockerfile);
    data = mkdtempSync(join(tmpdir(), 'med-image-data-'));
  });
  afterAll(() => {
    image?.remove();
    rmSync(data, { recursive: true, force: true });
  });

  it('finds every COPY source of the build context after npm run build', () => {
    const sources = readDockerfile(dockerfile).flatMap((stage) => copies(stage).filter((c) => !c.from));
    const missing = sources.flatMap((c) => c.sources).filter((source) => !existsSync(join(ROOT, source)));
    expect(missing).toEqual([]);
    expect(existsSync(join(image.workdir, main))).toBe(true);
    expect(readdirSync(join(image.workdir, 'node_modules')).sort()).toEqual([
      'better-sqlite3',
      'bindings',
      'file-uri-to-path',
    ]);
  });

  it('starts from the copied files alone, answers /api/health, stores data in DATA_DIR, stops on SIGTERM', async () => {
    const port = await freePort();
    const program = runProgram(
      join(image.workdir, main),
      ['start'],
      {
        DATA_DIR: data,
        PORT: String(port),
        API_HOST: '127.0.0.1',
        CLIENT_SECRET: 'image-test-secret',
        GATEWAY_URL: 'http://127.0.0.1:9/api',
        SYNC_ON_START: 'false',
        TZ: 'America/New_York',
      },
      image.root,
    );
    try {
      const health = await waitFor(
        '/api/health',
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/health`);
          return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
        },
        30_000,
        program.output,
      );
      expect(health).toBeDefined();
      expect(readdirSync(data).some((file) => file.endsWith('.db'))).toBe(true);
    } finally {
      expect(await program.stop()).toBe(0);
    }
    expect(program.output()).not.toContain('image-test-secret');
    expect(program.output()).not.toContain('\u001b['); // no colour codes when not a TTY
  });
});
