/**
 * The integration's Python unit tests (tests/integration/home-assistant/python, pytest) in the Python of
 * the provisioned Home Assistant root, so they import the same `homeassistant` and `aiohttp` as the real
 * Home Assistant of the other tests. The add-on folder and the tests are bound read-only into the root.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { haRoot } from './harness/ha.js';

const ROOT = join(__dirname, '../../..');

const IN_ROOT = `set -e; R=$1; A=$2; T=$3
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mkdir -p "$R/mnt/med-addon" "$R/mnt/med-python-tests"
mount --bind -o ro "$A" "$R/mnt/med-addon"
mount --bind -o ro "$T" "$R/mnt/med-python-tests"
exec chroot "$R" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/bin:/bin MED_ADDON_DIR=/mnt/med-addon \
  PYTHONDONTWRITEBYTECODE=1 /opt/ha/bin/python -m pytest -q -p no:cacheprovider /mnt/med-python-tests`;

describe('the integration in Python (pytest)', () => {
  it('passes its unit tests in the Python of Home Assistant', () => {
    const result = spawnSync(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        '--',
        '/bin/sh',
        '-c',
        IN_ROOT,
        'sh',
        haRoot(),
        join(ROOT, 'addon'),
        join(__dirname, 'python'),
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect([result.status, output]).toEqual([0, expect.stringMatching(/\d+ passed/)]);
    expect(output).not.toMatch(/\d+ (failed|error)/);
  }, 320_000);
});
