/** Runs the program the way the add-on image does (run.sh), from an assembled image folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addonConfig } from '../../addon/addon-files.js';
import { freePort, type ImageLayout, type RunningProgram, runProgram, waitFor } from './image-layout.js';

export interface AddonRun {
  program: RunningProgram;
  url: string;
  dataDir: string;
}

/**
 * Writes `/data/options.json` (the add-on's default options with `options` on top, as the Supervisor
 * writes it) into `dataDir` and starts `main.mjs start` with the environment of run.sh and the
 * Supervisor (`SUPERVISOR_TOKEN`), plus `extraEnv`. The port is free and the address 127.0.0.1.
 */
export async function startAddon(
  image: ImageLayout,
  dataDir: string,
  options: Record<string, unknown>,
  extraEnv: Record<string, string>,
): Promise<AddonRun> {
  mkdirSync(dataDir, { recursive: true });
  const optionsFile = join(dataDir, 'options.json');
  writeFileSync(optionsFile, JSON.stringify({ ...addonConfig().options, ...options }));
  const port = await freePort();
  const program = runProgram(
    join(image.workdir, 'main.mjs'),
    ['start'],
    {
      // run.sh
      DATA_DIR: dataDir,
      PORT: String(port),
      API_HOST: '127.0.0.1',
      // The program reads /data/options.json; here the same file sits in a temp folder.
      CONFIG_FILE: optionsFile,
      // Home Assistant's config folder (install_integration): inside the temp folder, never the machine's.
      HA_CONFIG_DIR: join(dataDir, 'homeassistant'),
      TZ: 'America/New_York',
      ...extraEnv,
    },
    image.root,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    '/api/health',
    async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined),
    30_000,
    program.output,
  );
  return { program, url, dataDir };
}
