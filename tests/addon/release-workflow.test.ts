/**
 * The GitHub workflows, read as data (actionlint checks their syntax in .ci/checks.sh): pinned actions,
 * least-privilege permissions, the image names and architectures the add-on and the README rely on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ADDON_IMAGE } from '../../scripts/addon/addon-config.js';
import { addonConfig, ROOT, readText } from './addon-files.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
  container?: { image: string };
  strategy?: { matrix: { include: Record<string, string>[] } };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const workflow = (file: string) => parse(readText('.github/workflows', file)) as Workflow;
const ci = workflow('ci.yml');
const release = workflow('release.yml');
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));

describe('GitHub workflows', () => {
  it('are ci.yml and release.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(['ci.yml', 'release.yml'])(
    '%s pins every action by full commit SHA with its version in a comment',
    (file) => {
      const lines = readText('.github/workflows', file)
        .split('\n')
        .filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    },
  );

  it('use one SHA per action across the workflows (an update is one search-and-replace)', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files)
      for (const [, action, sha] of readText('.github/workflows', file).matchAll(/uses: ([^@\s]+)@([0-9a-f]{40})/g))
        pins.set(action, (pins.get(action) ?? new Set()).add(sha));
    expect([...pins].filter(([, shas]) => shas.size > 1)).toEqual([]);
  });

  it('ci.yml runs on push and pull request with read-only permissions: the static checks, then .ci/run', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(ci.jobs)) expect(job.permissions).toBeUndefined();
    expect(runs(ci.jobs.checks)).toContain('bash .ci/checks.sh');
    expect(runs(ci.jobs.test)).toContain('bash .ci/run');
    // The project's machines: Debian 12 as root (apt services, the Home Assistant chroot).
    expect(ci.jobs.test.container?.image).toBe('debian:bookworm');
    for (const job of Object.values(ci.jobs)) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['persist-credentials']).toBe(false);
    }
    for (const name of ['checks', 'test'])
      expect(ci.jobs[name].steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(
        20,
      );
  });

  it('ci.yml builds both images without pushing them and starts the standalone one', () => {
    const builds = ci.jobs.images.steps.filter((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(builds.map((s) => s.with?.file).sort()).toEqual(['Dockerfile', 'addon/Dockerfile']);
    for (const build of builds) expect(build.with?.push).toBe(false);
    expect(runs(ci.jobs.images).join('\n')).toContain('/api/health');
  });

  it('release.yml runs on version tags, grants nothing by default and each job only what it needs', () => {
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(release.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      verify: { contents: 'read' },
      images: { contents: 'read', packages: 'write' },
      release: { contents: 'write' },
    });
  });

  it('release.yml checks the tag against every versioned file and takes the notes from addon/CHANGELOG.md', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax of the workflow, not a template
    expect(runs(release.jobs.verify).join('\n')).toContain('scripts/release/version-cli.ts check "${TAG#v}"');
    const releaseRuns = runs(release.jobs.release).join('\n');
    expect(releaseRuns).toContain('npm run build');
    expect(releaseRuns).toContain('scripts/release/version-cli.ts notes "$VERSION"');
    expect(releaseRuns).toContain('lovelace-cards/dist/*.js');
    expect(releaseRuns).toContain('gh release create "$TAG"');
  });

  it('publishes the add-on image config.yaml names and the standalone image the README runs', () => {
    expect(release.env?.ADDON_IMAGE).toBe(ADDON_IMAGE);
    expect(addonConfig().image).toBe(ADDON_IMAGE);
    const readme = readText('README.md').replace(/\\\n\s*/g, '');
    expect(readme).toContain(
      `docker run -d -e CLIENT_ID=… -e CLIENT_SECRET=… -e GATEWAY_URL=… -v myelectricaldata_data:/data -p 8080:8080 ${release.env?.STANDALONE_IMAGE}:latest`,
    );
    const matrix = release.jobs.images.strategy?.matrix.include ?? [];
    expect(matrix.map((m) => [m.dockerfile, release.env?.[m.image_env]])).toEqual([
      ['Dockerfile', release.env?.STANDALONE_IMAGE],
      ['addon/Dockerfile', ADDON_IMAGE],
    ]);
  });

  it('builds every architecture of config.yaml, with the version and latest tags', () => {
    const build = release.jobs.images.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    const platforms = String(build?.with?.platforms).split(',');
    const docker: Record<string, string> = { amd64: 'linux/amd64', aarch64: 'linux/arm64' };
    expect(platforms.sort()).toEqual((addonConfig().arch as string[]).map((a) => docker[a]).sort());
    expect(build?.with?.push).toBe(true);
    expect(build?.with?.context).toBe('.');
    const meta = release.jobs.images.steps.find((s) => s.uses?.startsWith('docker/metadata-action@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression, not a template
    expect(meta?.with?.tags).toContain('type=raw,value=${{ needs.verify.outputs.version }}');
    expect(meta?.with?.tags).toContain('type=raw,value=latest');
  });
});
