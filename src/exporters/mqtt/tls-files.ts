/** CA / client certificate / key options: PEM text as is, anything else is a file path read at start. */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../errors/app-error.js';

export class MqttTlsFileError extends AppError {}

export async function loadPem(value: string | undefined, field: string): Promise<string | undefined> {
  if (!value) return undefined;
  if (value.includes('-----BEGIN')) return value;
  try {
    return await readFile(value, 'utf8');
  } catch (err) {
    throw new MqttTlsFileError(
      'MQTT_TLS_FILE',
      `Could not read the MQTT ${field} file "${value}": give a readable PEM file path or the PEM text itself.`,
      { cause: err },
    );
  }
}
