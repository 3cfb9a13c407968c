/**
 * Both Dockerfiles, read without a Docker engine: base images, stages (bundle built from the sources,
 * native module compiled for the target, final image), what the final image holds.
 */
import { spawnSync } from 'node:child_process';
import { shippedNodeFlags } from '../../bench/shipped-node-flags.js';
import { INGRESS_PORT } from '../../scripts/addon/addon-config.js';
import { readText } from './addon-files.js';
import {
  contextIncludes,
  copies,
  envOf,
  instructionArgs,
  readDockerfile,
  type Stage,
  stageNamed,
} from './dockerfile.js';

const IMAGES = [
  { file: 'Dockerfile', base: /^node:\d+-alpine3\.\d+$/ },
  { file: 'addon/Dockerfile', base: /^ghcr\.io\/home-assistant\/base:\d+\.\d+$/ },
];

describe.each(IMAGES)('$file', ({ file, base }) => {
  const stages = readDockerfile(file);
  const final = stages[stages.length - 1] as Stage;

  it('builds on an explicit, pinned base (no variable, no latest) in three stages: bundle, modules, final', () => {
    for (const stage of stages) expect(stage.from).toMatch(base);
    expect(new Set(stages.map((s) => s.from)).size).toBe(1);
    expect(stages.map((s) => s.name)).toEqual(['bundle', 'modules', undefined]);
  });

  it('bundles from the sources with npm ci and npm run build, on the build platform, without native builds', () => {
    const bundle = stageNamed(stages, 'bundle');
    // Plain JavaScript output: built once on the build machine, not under emulation for each architecture.
    expect(bundle.platform).toBe('$BUILDPLATFORM');
    const runs = instructionArgs(bundle, 'RUN').filter((r) => !r.startsWith('apk add'));
    expect(runs).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npm run build']);
    expect(copies(bundle).flatMap((c) => c.sources)).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'build.config.ts',
        'src/',
        'lovelace-cards/',
        'drizzle/',
      ]),
    );
  });

  it('compiles the native SQLite module for the target platform from the lock file, without dev dependencies', () => {
    const builder = stageNamed(stages, 'modules');
    expect(builder.platform).toBeUndefined();
    const runs = instructionArgs(builder, 'RUN').join('\n');
    expect(runs).toMatch(/npm ci --omit=dev/);
    expect(runs).toMatch(/apk add --no-cache[^\n]*\bpython3\b[^\n]*\bmake\b[^\n]*\bg\+\+/);
    expect(copies(builder).flatMap((c) => c.sources)).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json']),
    );
  });

  it('copies into the final image only the bundle, the runtime modules, the start script and the Home Assistant integration', () => {
    const sources = copies(final).map((c) =>
      c.from ? `--from=${c.from} ${c.sources.join(' ')}` : c.sources.join(' '),
    );
    for (const source of sources)
      expect(source).toMatch(
        /^(addon\/run\.sh$|addon\/custom_components\/myelectricaldata\/$|--from=bundle \/build\/dist\/$|--from=modules \/runtime\/node_modules$)/,
      );
    expect(sources).toEqual(
      expect.arrayContaining(['--from=bundle /build/dist/', '--from=modules /runtime/node_modules']),
    );
    const runs = instructionArgs(final, 'RUN').join('\n');
    expect(runs).not.toMatch(/npm|tsc|esbuild|g\+\+|python3/);
    expect(final.platform).toBeUndefined();
  });

  it('sends every file it copies from the context through .dockerignore', () => {
    const fromContext = stages.flatMap((s) => copies(s).filter((c) => !c.from)).flatMap((c) => c.sources);
    expect(fromContext.filter((path) => !contextIncludes(path))).toEqual([]);
    expect(contextIncludes('src/main.ts')).toBe(true);
    expect(contextIncludes('node_modules/better-sqlite3')).toBe(false);
    // A local build output never reaches the image: it is rebuilt from the sources.
    expect(contextIncludes('dist/main.mjs')).toBe(false);
    expect(contextIncludes('tests/addon/dockerfiles.test.ts')).toBe(false);
  });

  it('has a HEALTHCHECK on /api/health and OCI labels', () => {
    expect(instructionArgs(final, 'HEALTHCHECK').join(' ')).toMatch(/CMD .*\/api\/health/);
    const labels = instructionArgs(final, 'LABEL').join(' ');
    for (const key of ['title', 'description', 'source', 'licenses', 'version', 'created', 'revision']) {
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    }
  });
});

describe('standalone image', () => {
  const stages = readDockerfile('Dockerfile');
  const final = stages[stages.length - 1];

  it('runs as the unprivileged node user with its data only in the /data volume', () => {
    expect(instructionArgs(final, 'USER')).toEqual(['node']);
    expect(instructionArgs(final, 'VOLUME')).toEqual(['["/data"]']);
    expect(envOf(final)).toMatchObject({ DATA_DIR: '/data', API_HOST: '0.0.0.0', PORT: '8080' });
    expect(instructionArgs(final, 'EXPOSE')).toEqual(['8080']);
  });

  it('runs node directly (PID 1 receives SIGTERM) with the start command', () => {
    expect(instructionArgs(final, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(instructionArgs(final, 'ENTRYPOINT')).toEqual([
      '["node", "--optimize-for-size", "--invocation-count-for-turbofan=45000", "/app/main.mjs"]',
    ]);
    expect(instructionArgs(final, 'CMD')).toEqual(['["start"]']);
  });

  // Node refuses to start on a V8 flag it does not know: checked with the Node binaries the images run
  // (.ci/services.sh fetches them), not with the Node running the tests, which may be older.
  const imageNodes = (process.env.MED_IMAGE_NODES ?? '').split(' ').filter(Boolean);
  const withImageNodes = imageNodes.length ? it : it.skip;
  withImageNodes(
    `passes V8 flags that Node 22 and 24 start with${imageNodes.length ? '' : ' (skipped: MED_IMAGE_NODES is not set; .ci/services.sh sets it)'}`,
    () => {
      const flags = shippedNodeFlags(process.cwd());
      expect(flags.length).toBeGreaterThan(0);
      const majors = imageNodes.map(
        (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().split('.')[0],
      );
      expect(majors).toEqual(['v22', 'v24']);
      const image = /^FROM node:(\d+)-alpine/m.exec(readText('.', 'Dockerfile'))?.[1];
      expect(majors).toContain(`v${image}`);
      for (const node of imageNodes) {
        const run = spawnSync(node, [...flags, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
        expect({ node, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
          node,
          status: 0,
          stdout: 'ok',
          stderr: '',
        });
      }
    },
  );
});

describe('add-on image', () => {
  const stages = readDockerfile('addon/Dockerfile');
  const final = stages[stages.length - 1];

  it('takes Node from the base image packages and starts through the run script', () => {
    expect(instructionArgs(final, 'RUN')).toContain('apk add --no-cache nodejs');
    expect(instructionArgs(stageNamed(stages, 'bundle'), 'RUN')).toContain('apk add --no-cache nodejs npm');
    expect(instructionArgs(final, 'CMD')).toEqual(['["/run.sh"]']);
  });

  it('the run script runs the program in add-on mode on the ingress port', () => {
    const script = readText('addon', 'run.sh');
    expect(script.split('\n')[0]).toBe('#!/usr/bin/with-contenv bashio');
    expect(script).toMatch(/^export DATA_DIR=\/data$/m);
    expect(script).toMatch(new RegExp(`^export PORT=${INGRESS_PORT}$`, 'm'));
    expect(instructionArgs(final, 'HEALTHCHECK').join(' ')).toContain(`http://127.0.0.1:${INGRESS_PORT}/api/health`);
    expect(script).toMatch(/^export API_HOST=0\.0\.0\.0$/m);
    const flags = shippedNodeFlags(process.cwd()).join(' ');
    expect(script).toContain(`\nexec node ${flags} /opt/myelectricaldata/main.mjs start\n`);
    expect(instructionArgs(final, 'WORKDIR')).toEqual(['/opt/myelectricaldata']);
  });
});
