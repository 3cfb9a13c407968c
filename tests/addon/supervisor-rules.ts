/**
 * Facts transcribed from the Home Assistant Supervisor's add-on ("app") validation, so that the project's
 * own tests catch what would make the store skip the add-on silently. Sources (home-assistant/supervisor):
 * `supervisor/apps/validate.py` (`_SCHEMA_APP_CONFIG`, `RE_VOLUME`, `RE_SERVICE`, `SCHEMA_ELEMENT`,
 * `SCHEMA_APP_TRANSLATIONS`), `supervisor/apps/options.py` (`RE_SCHEMA_ELEMENT`, option validation),
 * `supervisor/apps/const.py` (`RE_SLUG`), `supervisor/validate.py` (`docker_image`, `network_port`),
 * and frenck/action-addon-linter (no key set to its default value).
 */

export const REQUIRED_KEYS = ['name', 'version', 'slug', 'description', 'arch'] as const;

export const RE_SLUG = /^[-_.A-Za-z0-9]+$/;

/** `ARCH_ALL_COMPAT`; `armhf`, `armv7` and `i386` are deprecated (unsupported since HA 2025.12). */
export const ARCH_ALL_COMPAT = ['aarch64', 'amd64', 'armhf', 'armv7', 'i386'];
export const ARCH_SUPPORTED = ['aarch64', 'amd64'];

/** `RE_SCHEMA_ELEMENT` (Python named groups written the JavaScript way). */
export const RE_SCHEMA_ELEMENT = new RegExp(
  '^(?:' +
    '|bool' +
    '|email' +
    '|url' +
    '|port' +
    '|device(?:\\((?<filter>subsystem=[a-z]+)\\))?' +
    '|str(?:\\((?<s_min>\\d+)?,(?<s_max>\\d+)?\\))?' +
    '|password(?:\\((?<p_min>\\d+)?,(?<p_max>\\d+)?\\))?' +
    '|int(?:\\((?<i_min>-?\\d+)?,(?<i_max>-?\\d+)?\\))?' +
    '|float(?:\\((?<f_min>-?\\d*\\.?\\d+)?,(?<f_max>-?\\d*\\.?\\d+)?\\))?' +
    '|match\\((?<match>.*)\\)' +
    '|list\\((?<list>.+)\\)' +
    ')\\??$',
);

/** `map` strings (older and newer Supervisors; `app_config` & co. only from 2026.07). */
export const RE_VOLUME =
  /^(data|config|ssl|addons|backup|share|media|homeassistant_config|all_addon_configs|addon_config)(?::(rw|ro))?$/;
export const RE_SERVICE = /^(mqtt|mysql):(provide|want|need)$/;
/** `docker_image`: a name without tag (`{arch}` allowed). */
export const RE_DOCKER_IMAGE = /^([a-zA-Z\-.:\d{}]+\/)*?([-\w{}]+)\/([-\w{}]+)$/;
export const RE_PANEL_ICON = /^mdi:[a-z0-9-]+$/;

/** Optional keys of `_SCHEMA_APP_CONFIG` with a default: writing the default is a linter error. */
export const KEY_DEFAULTS: Readonly<Record<string, unknown>> = {
  startup: 'application',
  boot: 'auto',
  init: true,
  advanced: false,
  stage: 'stable',
  ingress: false,
  ingress_port: 8099,
  ingress_stream: false,
  panel_icon: 'mdi:puzzle',
  panel_admin: true,
  host_network: false,
  host_pid: false,
  host_ipc: false,
  host_uts: false,
  host_dbus: false,
  udev: false,
  tmpfs: false,
  apparmor: true,
  full_access: false,
  audio: false,
  video: false,
  gpio: false,
  usb: false,
  uart: false,
  devicetree: false,
  kernel_modules: false,
  realtime: false,
  hassio_api: false,
  hassio_role: 'default',
  homeassistant_api: false,
  stdin: false,
  legacy: false,
  docker_api: false,
  auth_api: false,
  backup: 'hot',
  timeout: 10,
  journald: false,
};

/** Keys the linter rejects: `watchdog` is replaced by a Docker HEALTHCHECK, `advanced` is ignored. */
export const OBSOLETE_KEYS = ['watchdog', 'advanced', 'codenotary', 'build_from'];

/**
 * `SCHEMA_ELEMENT`: a type string, a list of one element (a type string or a dict, never a list), or a
 * dict of elements. Returns the problems found, with their path.
 */
export function schemaElementProblems(element: unknown, path: string): string[] {
  if (typeof element === 'string') {
    return RE_SCHEMA_ELEMENT.test(element) ? [] : [`${path}: "${element}" is not a Supervisor type`];
  }
  if (Array.isArray(element)) {
    if (element.length !== 1) return [`${path}: a list schema has exactly one element`];
    if (Array.isArray(element[0])) return [`${path}: a list may not directly contain a list`];
    return schemaElementProblems(element[0], `${path}[0]`);
  }
  if (element && typeof element === 'object') {
    return Object.entries(element).flatMap(([key, value]) => schemaElementProblems(value, `${path}.${key}`));
  }
  return [`${path}: not a type, list or dict`];
}

/** The Supervisor's check of one option value against its type (`AppOptions._single_validate`). */
export function valueProblem(type: string, value: unknown): string | undefined {
  const m = RE_SCHEMA_ELEMENT.exec(type);
  if (!m?.groups) return `unknown type ${type}`;
  const g = m.groups;
  const base = type.replace(/\?$/, '');
  const inRange = (n: number, min?: string, max?: string) =>
    (min === undefined || n >= Number(min)) && (max === undefined || n <= Number(max));
  if (base.startsWith('str') || base.startsWith('password')) {
    return typeof value === 'string' ? undefined : 'not a string';
  }
  if (base.startsWith('int')) {
    return Number.isInteger(value) && inRange(value as number, g.i_min, g.i_max) ? undefined : 'not an int in range';
  }
  if (base.startsWith('float')) {
    return typeof value === 'number' && inRange(value, g.f_min, g.f_max) ? undefined : 'not a float in range';
  }
  if (base === 'bool') return typeof value === 'boolean' ? undefined : 'not a boolean';
  if (base === 'url') return typeof value === 'string' && URL.canParse(value) ? undefined : 'not a URL';
  if (base === 'port')
    return Number.isInteger(value) && inRange(value as number, '1', '65535') ? undefined : 'bad port';
  if (base.startsWith('match')) {
    return typeof value === 'string' && new RegExp(g.match).test(value) ? undefined : 'does not match';
  }
  if (base.startsWith('list')) return g.list.split('|').includes(String(value)) ? undefined : 'not in the list';
  return undefined;
}
