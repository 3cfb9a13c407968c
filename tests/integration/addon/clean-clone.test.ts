/**
 * The images build from a clean clone, without a prebuilt dist/ (checked without a Docker engine): the
 * committed tree is cloned into a temporary folder (like the Supervisor's or a user's checkout; uncommitted
 * changes are not in it), the `bundle` stage of the Dockerfiles is replayed there, COPY by COPY and RUN by
 * RUN, from the build context that .dockerignore lets in, and every file the later stages copy exists.
 * npm reads its cache (`--prefer-offline`); install scripts are skipped as in the Dockerfiles, so this takes
 * about half a minute. The `modules` stage (better-sqlite3 compiled for the image) is covered by
 * image-layout.test.ts, which runs its script on this machine's modules.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../addon/addon-files.js';
import {
  type CopyInstruction,
  contextIncludes,
  copies,
  readDockerfile,
  type Stage,
  stageNamed,
} from '../../addon/dockerfile.js';

jest.setTimeout(300_000);

const DOCKERFILES = ['Dockerfile', 'addon/Dockerfile'];
const stagesOf = Object.fromEntries(DOCKERFILES.map((file) => [file, readDockerfile(file)]));
/** The bundle stage without its package installation of Node itself (`apk add`: the host has Node). */
const replayable = (stage: Stage) => stage.instructions.filter((i) => !(i.op === 'RUN' && i.args.startsWith('apk ')));

let clone: string;
/** The bundle stage's WORKDIR (`/build`). */
let build: string;
const log: string[] = [];

function copyInto(from: string, copy: CopyInstruction, target: string): void {
  for (const source of copy.sources) {
    if (!existsSync(join(from, source))) throw new Error(`COPY ${source}: not in the clean clone`);
    if (!contextIncludes(source, from)) throw new Error(`COPY ${source}: left out by .dockerignore`);
    const dest = join(target, copy.dest);
    const to = copy.dest.endsWith('/') && !source.endsWith('/') ? join(dest, source.split('/').pop() as string) : dest;
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(from, source), to, { recursive: true });
  }
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'med-clone-'));
  execFileSync('git', ['clone', '-q', '--no-hardlinks', ROOT, clone]);
  build = mkdtempSync(join(tmpdir(), 'med-bundle-stage-'));
  const bundle = stageNamed(stagesOf.Dockerfile, 'bundle');
  for (const instruction of replayable(bundle)) {
    if (instruction.op === 'COPY') {
      const [copy] = copies({ ...bundle, instructions: [instruction] });
      copyInto(clone, copy, build);
    } else if (instruction.op === 'RUN') {
      log.push(`$ ${instruction.args}`);
      const output = execFileSync('sh', ['-c', instruction.args], {
        cwd: build,
        env: { ...process.env, npm_config_prefer_offline: 'true', NODE_ENV: '' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      log.push(output);
    }
  }
});

afterAll(() => {
  for (const dir of [clone, build]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('images from a clean clone', () => {
  it('both Dockerfiles run the same bundle stage (Node from apk in the add-on image only)', () => {
    const [standalone, addon] = DOCKERFILES.map((file) => replayable(stageNamed(stagesOf[file], 'bundle')));
    expect(addon).toEqual(standalone);
  });

  it('the clone has no dist/ and the bundle stage builds one from the sources', () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    expect(log.join('\n')).toContain('built dist/main.mjs');
    expect(existsSync(join(build, 'dist/main.mjs'))).toBe(true);
    expect(existsSync(join(build, 'dist/drizzle/sqlite'))).toBe(true);
  });

  it.each(DOCKERFILES)(
    '%s: every file a stage copies exists (context files in the clone, the bundle in /build)',
    (file) => {
      const missing: string[] = [];
      for (const stage of stagesOf[file])
        for (const copy of copies(stage))
          for (const source of copy.sources) {
            if (copy.from === undefined) {
              if (!existsSync(join(clone, source)) || !contextIncludes(source, clone)) missing.push(source);
            } else if (copy.from === 'bundle') {
              if (!source.startsWith('/build/') || !existsSync(join(build, source.slice('/build/'.length))))
                missing.push(`--from=bundle ${source}`);
            } else if (copy.from !== 'modules') missing.push(`--from=${copy.from} ${source}`);
          }
      expect(missing).toEqual([]);
    },
  );

  it('npm run addon:local writes a folder the Supervisor builds: its Dockerfile with everything it copies', () => {
    const folder = mkdtempSync(join(tmpdir(), 'med-local-addon-'));
    try {
      execFileSync('sh', ['scripts/addon/local-addon.sh', folder], { cwd: clone, stdio: 'pipe' });
      expect(readFileSync(join(folder, 'Dockerfile'), 'utf8')).toBe(
        readFileSync(join(clone, 'addon/Dockerfile'), 'utf8'),
      );
      const sources = stagesOf['addon/Dockerfile']
        .flatMap((s) => copies(s).filter((c) => !c.from))
        .flatMap((c) => c.sources);
      expect(sources.filter((source) => !existsSync(join(folder, source)) || !contextIncludes(source, folder))).toEqual(
        [],
      );
      const config = parse(readFileSync(join(folder, 'config.yaml'), 'utf8'), { version: '1.1' }) as Record<
        string,
        unknown
      >;
      const committed = parse(readFileSync(join(clone, 'addon/config.yaml'), 'utf8'), { version: '1.1' }) as Record<
        string,
        unknown
      >;
      const { image, ...rest } = committed;
      expect(image).toBeDefined();
      expect(config).toEqual(rest);
      for (const store of [
        'README.md',
        'DOCS.md',
        'CHANGELOG.md',
        'icon.png',
        'logo.png',
        'apparmor.txt',
        'translations/en.yaml',
      ])
        expect(existsSync(join(folder, store))).toBe(true);
      expect(existsSync(join(folder, 'tests'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
