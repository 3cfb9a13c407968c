/**
 * Typed gateway failures. Every one is a `GatewayError` (an `AppError`) with a stable `code`, the
 * endpoint it came from (a path template plus the PDL, never a secret) and whether retrying may help.
 */

import type { DateRange } from '../domain/types.js';
import { AppError, type FailureKind } from '../errors/app-error.js';
import type { QuotaBucket } from './types.js';

export class GatewayError extends AppError {
  /** Retrying the same call later in this run may succeed. */
  readonly retryable: boolean = false;
  /** Number of HTTP calls spent before the failure (retries included), set by the range fetchers. */
  calls = 0;
  constructor(
    code: string,
    message: string,
    readonly endpoint: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** 401/403: the gateway refused the credential. Fatal: fix the configuration. */
export class GatewayAuthError extends GatewayError {
  override readonly kind = 'credential';
  constructor(
    endpoint: string,
    readonly status: number,
  ) {
    super(
      'GATEWAY_AUTH',
      `the gateway refused the client secret: check CLIENT_SECRET on your MyElectricalData account page (HTTP ${status} on ${endpoint})`,
      endpoint,
    );
  }
}

/** The daily quota of a bucket is exhausted: every call of that bucket fails fast until `pausedUntil`. */
export class GatewayQuotaError extends GatewayError {
  override readonly kind = 'quota';
  constructor(
    endpoint: string,
    readonly bucket: QuotaBucket,
    readonly pausedUntil: number,
  ) {
    super(
      'RATE_LIMIT_EXCEEDED',
      `the gateway's daily ${bucket === 'cached' ? 'cached (1000/day)' : 'no-cache (50/day)'} quota is used up (${endpoint}): calls resume at ${new Date(pausedUntil).toISOString()}; fewer syncs a day avoid this`,
      endpoint,
    );
  }
}

export class GatewayAccessDeniedError extends GatewayError {
  constructor(endpoint: string, detail: string) {
    super(
      'ACCESS_DENIED',
      `the gateway denied access to this usage point (${endpoint}: ${detail}): check that the PDL is listed and active on your MyElectricalData account`,
      endpoint,
    );
  }
}

export class GatewayNoDataError extends GatewayError {
  constructor(endpoint: string, detail: string) {
    super(
      'NO_DATA',
      `the gateway has no data for this request (${endpoint}: ${detail}); it will be asked again later`,
      endpoint,
    );
  }
}

export class GatewayEnedisUnavailableError extends GatewayError {
  override readonly retryable = true;
  constructor(endpoint: string, detail: string) {
    super(
      'ENEDIS_UNAVAILABLE',
      `the gateway could not reach Enedis (${endpoint}: ${detail}); the sync will retry later`,
      endpoint,
    );
  }
}

export class GatewayEnedisError extends GatewayError {
  constructor(endpoint: string, detail: string) {
    super(
      'ENEDIS_ERROR',
      `Enedis answered with an error (${endpoint}: ${detail}); the sync will retry later`,
      endpoint,
    );
  }
}

export class GatewayDateTooOldError extends GatewayError {
  constructor(endpoint: string, detail: string) {
    super(
      'DATE_TOO_OLD',
      `the requested start date is older than the gateway's history (${endpoint}: ${detail}); ask for more recent days`,
      endpoint,
    );
  }
}

/** Enedis `ADAM-ERR0123`: the dates are before the meter's last activation. */
export class GatewayNotActivatedError extends GatewayError {
  /** The call window that was refused, set by the range fetchers. */
  range: DateRange | undefined;
  constructor(endpoint: string, detail: string) {
    super(
      'ADAM-ERR0123',
      `the requested days are before the meter's activation (${endpoint}: ${detail}); only later days can be fetched`,
      endpoint,
    );
  }
}

export class GatewayInvalidDateError extends GatewayError {
  constructor(endpoint: string, detail: string) {
    super(
      'INVALID_DATE_FORMAT',
      `the gateway rejected a date (${endpoint}: ${detail}); this happens on 29 February, retry tomorrow`,
      endpoint,
    );
  }
}

/**
 * A 200 whose body is not what the gateway documents. A wrong shape is deterministic: asking again gets
 * the same answer, so it is not retried and fails the stream at once, naming the field and what came.
 * A body that is not JSON at all (a proxy's error page, a cut-off answer) may heal: `retryable`.
 */
export class GatewayPayloadError extends GatewayError {
  override readonly retryable: boolean;
  constructor(
    endpoint: string,
    readonly path: string,
    detail: string,
    options: { retryable?: boolean } = {},
  ) {
    super(
      'GATEWAY_PAYLOAD',
      `the gateway sent an unexpected payload on ${endpoint} at ${path || '(root)'}: ${detail}; report it if it persists`,
      endpoint,
    );
    this.retryable = options.retryable ?? false;
  }
}

export class GatewayHttpError extends GatewayError {
  override readonly retryable: boolean;
  constructor(
    endpoint: string,
    readonly status: number,
    detail: string,
  ) {
    const hint =
      status === 404
        ? 'check the gateway URL (it must end in /api)'
        : status === 400
          ? 'check the gateway URL host name'
          : status >= 500
            ? 'the gateway failed; the sync will retry later'
            : 'report it if it persists';
    super('GATEWAY_HTTP', `the gateway answered HTTP ${status} on ${endpoint} (${detail}): ${hint}`, endpoint);
    this.retryable = status >= 500;
  }
}

/** Timeouts, refused or reset connections. */
export class GatewayNetworkError extends GatewayError {
  override readonly retryable = true;
  constructor(endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(
      'GATEWAY_NETWORK',
      `the gateway could not be reached on ${endpoint} (${detail}): check the network and the gateway URL`,
      endpoint,
      options,
    );
  }
}

/** The answer started (status and headers) but its body was cut off: asked again. */
export class GatewayTruncatedError extends GatewayNetworkError {
  constructor(endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(endpoint, detail, options);
    this.message = `the gateway's answer on ${endpoint} was cut off before its end (${detail}): it is asked again`;
  }
}

/** An unknown code that names a credential or a quota problem is read as one. */
function kindOfUnknownCode(code: string): FailureKind {
  if (/AUTH|UNAUTHORI[SZ]ED|CREDENTIAL|SECRET|FORBIDDEN/i.test(code)) return 'credential';
  return /RATE_LIMIT|QUOTA/i.test(code) ? 'quota' : 'local';
}

/** A `success:false` code this client does not know. */
export class GatewayUnknownError extends GatewayError {
  override readonly kind: FailureKind;
  constructor(endpoint: string, code: string, detail: string) {
    super(code, `the gateway answered ${code} on ${endpoint} (${detail}); report it if it persists`, endpoint);
    this.kind = kindOfUnknownCode(code);
  }
}

/** Runs a normaliser on validated data; a value it cannot read (impossible date, unknown interval) is a payload error. */
export function normalisePayload<T>(endpoint: string, normalise: () => T): T {
  try {
    return normalise();
  } catch (err) {
    if (err instanceof RangeError || err instanceof TypeError)
      throw new GatewayPayloadError(endpoint, 'data', err.message);
    throw err;
  }
}
