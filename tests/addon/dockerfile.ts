/** A small Dockerfile reader for the tests: stages, instructions (continuation lines joined), COPY parts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './addon-files.js';

export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  /** The `--platform=` of the FROM line (`$BUILDPLATFORM`: runs on the build machine's own platform). */
  platform?: string;
  instructions: Instruction[];
}

export interface CopyInstruction {
  from?: string;
  sources: string[];
  dest: string;
}

export function readDockerfile(relativePath: string): Stage[] {
  const text = readFileSync(join(ROOT, relativePath), 'utf8');
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const words = args.split(/\s+/);
      const platform = words.find((w) => w.startsWith('--platform='))?.slice('--platform='.length);
      const [from, , name] = words.filter((w) => !w.startsWith('--'));
      stages.push({ from, name, platform, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ op: upper, args });
    } else if (upper !== 'ARG') {
      throw new Error(`${relativePath}: ${upper} before FROM`);
    }
  }
  return stages;
}

export function copies(stage: Stage): CopyInstruction[] {
  return stage.instructions
    .filter((i) => i.op === 'COPY')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
    });
}

/** The stage named `name` (`FROM … AS name`). */
export function stageNamed(stages: Stage[], name: string): Stage {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

export function instructionArgs(stage: Stage, op: string): string[] {
  return stage.instructions.filter((i) => i.op === op).map((i) => i.args);
}

/** ENV lines (`ENV A=1 B=2`) as a map. */
export function envOf(stage: Stage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const args of instructionArgs(stage, 'ENV')) {
    for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) out[key] = value.replace(/^"|"$/g, '');
  }
  return out;
}

/** Paths that `.dockerignore` (`*` then `!path` exceptions) of `root` lets into the build context. */
export function contextIncludes(path: string, root = ROOT): boolean {
  const rules = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  let included = true;
  const clean = path.replace(/\/+$/, '');
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const pattern = (negated ? rule.slice(1) : rule).replace(/\/+$/, '');
    const matches = pattern === '*' || clean === pattern || clean.startsWith(`${pattern}/`);
    if (matches) included = negated;
  }
  return included;
}
