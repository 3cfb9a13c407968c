/**
 * The add-on's delivery of the cards: the bundle is written to Home Assistant's `www` folder (the add-on
 * maps `homeassistant_config:rw`, mounted at /homeassistant) and listed once among the dashboard
 * resources through the websocket API. Idempotent. When the dashboards use YAML resources, HA has no
 * `lovelace/resources/create` command: the result says which line to add (shown in the log and on the
 * status page).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import type { LovelaceApi } from '../exporters/home-assistant/ha-client.js';
import { CARDS_FILE } from './bundle-options.js';
import { planResources, resourceUrl, yamlResourceLine } from './resource-plan.js';

export interface InstallResult {
  url: string;
  file: 'written' | 'unchanged';
  resource: 'kept' | 'updated' | 'created' | 'yaml';
  removed: number;
  /** Set in YAML resource mode: what the user must add to configuration.yaml. */
  yamlLine?: string;
}

async function writeBundle(configDir: string, bundle: string): Promise<'written' | 'unchanged'> {
  const www = join(configDir, 'www');
  const target = join(www, CARDS_FILE);
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === bundle) return 'unchanged';
  await mkdir(www, { recursive: true }).catch((error: unknown) => {
    throw new AppError(
      'cards_www_unwritable',
      `cannot write the Lovelace cards to ${www} (${(error as Error).message}): the add-on needs the homeassistant_config:rw map`,
    );
  });
  await writeFile(`${target}.tmp`, bundle);
  await rename(`${target}.tmp`, target);
  return 'written';
}

export async function installCards(api: LovelaceApi, configDir: string, bundle: string): Promise<InstallResult> {
  const file = await writeBundle(configDir, bundle);
  const url = resourceUrl(bundle);
  const existing = await api.listResources();
  const plan = planResources(existing, url);
  try {
    if (plan.update) await api.updateResource(plan.update.id, plan.update.url);
    if (plan.create) await api.createResource(plan.create.url);
    for (const id of plan.delete) await api.deleteResource(id);
  } catch (error) {
    if ((error as AppError).code !== 'HA_UNKNOWN_COMMAND') throw error;
    const present = existing.some((r) => r.url === url);
    return { url, file, resource: 'yaml', removed: 0, ...(present ? {} : { yamlLine: yamlResourceLine(url) }) };
  }
  const resource = plan.keep ? 'kept' : plan.update ? 'updated' : 'created';
  return { url, file, resource, removed: plan.delete.length };
}
