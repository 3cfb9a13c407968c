/**
 * Add-on start, for the Home Assistant integration: announce the local API (host, port, token) to the
 * Supervisor's discovery so that Home Assistant offers the integration in one click, and with
 * `install_integration` copy the integration into Home Assistant's config and ask once for a restart.
 * Never throws: a failure is one warning line, the rest of the program runs on.
 */
import { errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';
import { installIntegration } from './install-integration.js';
import { announceDiscovery, notify, type SupervisorCalls, selfHostname } from './supervisor-calls.js';

export interface AddonIntegrationOptions {
  supervisor: SupervisorCalls;
  port: number;
  token: string;
  install: boolean;
  /** The integration shipped in the image. */
  source: string;
  /** Home Assistant's config folder as the add-on sees it (`homeassistant_config` map). */
  haConfigDir: string;
  logger: Logger;
}

export const RESTART_NOTIFICATION = {
  id: 'myelectricaldata_restart',
  title: 'MyElectricalData',
  message:
    'The MyElectricalData integration was installed or updated in custom_components. Restart Home Assistant, ' +
    'then add the discovered MyElectricalData integration (Settings → Devices & services) to get the ' +
    'devices and entities. / L’intégration MyElectricalData a été installée ou mise à jour : redémarrez ' +
    'Home Assistant puis ajoutez l’intégration découverte.',
};

export async function startAddonIntegration(o: AddonIntegrationOptions): Promise<void> {
  if (o.install) {
    try {
      const outcome = installIntegration(o.source, o.haConfigDir);
      if (outcome.action === 'installed' || outcome.action === 'updated') {
        o.logger.info(
          `Home Assistant integration ${outcome.action} (version ${outcome.version}): restart Home Assistant`,
        );
        await notify(o.supervisor, RESTART_NOTIFICATION);
      } else if (outcome.action === 'no-source') {
        o.logger.warn(`install_integration: the integration is not in this image (${o.source})`);
      }
    } catch (err) {
      o.logger.warn(
        `install_integration: could not install the Home Assistant integration (${errorMessage(err)}): copy it by hand (see the documentation) or set install_integration to false`,
      );
    }
  }
  try {
    const host = await selfHostname(o.supervisor);
    await announceDiscovery(o.supervisor, { host, port: o.port, api_token: o.token });
    o.logger.info({ host, port: o.port }, 'announced to Home Assistant (Supervisor discovery)');
  } catch (err) {
    o.logger.warn(`could not announce the add-on to Home Assistant: ${errorMessage(err)}`);
  }
}
