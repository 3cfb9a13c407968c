/** Command line of version.ts: `version-cli.ts bump|check|notes <version>` (see there). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpVersion, CHANGELOG, changelogSection, versionProblems } from './version.js';

function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

function main(args: string[]): number {
  const root = join(import.meta.dirname, '../..');
  const [command, raw] = args;
  const version = raw?.replace(/^v/, '');
  if (!version || !['bump', 'check', 'notes'].includes(command ?? '')) {
    process.stderr.write('usage: version-cli.ts bump|check|notes <version>  (npm run version:bump -- 1.2.3)\n');
    return 2;
  }
  if (command === 'bump') {
    let files: string[];
    try {
      files = bumpVersion(root, version, new Date().toISOString().slice(0, 10));
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    process.stdout.write(`version ${version} written to ${files.join(', ')}\n`);
    process.stdout.write(
      `next: fill in the ${version} section of ${CHANGELOG}, commit, tag v${version}, push the tag\n`,
    );
    return 0;
  }
  const problems = versionProblems(root, version);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  process.stdout.write(command === 'check' ? `${version}\n` : `${changelogSection(read(root, CHANGELOG), version)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
