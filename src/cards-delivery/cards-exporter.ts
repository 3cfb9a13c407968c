/**
 * `lovelace-cards`: in the add-on, installs the cards once at start (and again after a failure, with
 * back-off). Built on the exporter kit so its result (URL, what changed, the YAML line when needed) is
 * shown on the status page and in `/api/status` like any exporter's.
 */

import { connectHomeAssistant, type HaApi, type LovelaceApi } from '../exporters/home-assistant/ha-client.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../exporters/kit/kit-exporter.js';
import { registerSecret } from '../log/redact.js';
import { cardsScript } from './cards-script.js';
import { installCards } from './install-cards.js';

export const CARDS_EXPORTER = 'lovelace-cards';

export interface CardsExporterOptions {
  url: string;
  token: string;
  /** Home Assistant's configuration folder as the add-on sees it (`/homeassistant`). */
  configDir: string;
  retryDelaysMs?: readonly number[];
}

export interface CardsExporterDeps {
  connect?: (o: { url: string; token: string }) => Promise<LovelaceApi & Pick<HaApi, 'close'>>;
  bundle?: () => Promise<string>;
}

export class CardsExporter extends KitExporter {
  constructor(
    private readonly options: CardsExporterOptions,
    private readonly deps: CardsExporterDeps = {},
  ) {
    super({
      name: CARDS_EXPORTER,
      retryDelaysMs: options.retryDelaysMs ?? [60_000, 300_000, 900_000],
      reasonInResult: false,
    });
  }

  protected async connect(): Promise<void> {
    registerSecret(this.options.token);
    void this.run('start');
  }

  protected async exportOnce(_run: ExportRun): Promise<Record<string, unknown>> {
    const bundle = await (this.deps.bundle ?? cardsScript)();
    const api = await (this.deps.connect ?? connectHomeAssistant)(this.options);
    try {
      const result = await installCards(api, this.options.configDir, bundle);
      if (result.yamlLine) {
        this.logger?.warn(
          `your dashboards load their resources from YAML: add ${result.yamlLine} to configuration.yaml and restart Home Assistant to use the MyElectricalData cards`,
        );
      } else {
        this.logger?.info({ url: result.url, resource: result.resource }, 'Lovelace cards installed');
      }
      return { ...result };
    } finally {
      api.close();
    }
  }

  protected onFailure(): FailureVerdict {
    return 'retry';
  }
}
