import {
  GatewayAuthError,
  GatewayEnedisError,
  GatewayNetworkError,
  GatewayQuotaError,
  GatewayUnknownError,
} from '../../src/gateway/errors.js';
import { StoreError } from '../../src/store/store-error.js';
import { errorCode, isFatalForRun, isQuotaError } from '../../src/sync/errors.js';

const E = 'GET /enedis/consumption/daily/{pdl}';

describe('how the sync engine classifies a failed task', () => {
  it.each([
    ['a refused gateway credential', new GatewayAuthError(E, 401), 'fatal'],
    ['a refused database credential', new StoreError('STORE_AUTH', 'password refused'), 'fatal'],
    ['an unknown gateway code naming a credential', new GatewayUnknownError(E, 'INVALID_CREDENTIALS', 'x'), 'fatal'],
    ['an unknown gateway code naming a forbidden call', new GatewayUnknownError(E, 'FORBIDDEN', 'x'), 'fatal'],
    ['the gateway quota', new GatewayQuotaError(E, 'cached', 0), 'quota'],
    ['an unknown gateway code naming a quota', new GatewayUnknownError(E, 'QUOTA_EXCEEDED', 'x'), 'quota'],
    ['an Enedis error', new GatewayEnedisError(E, 'boom'), 'task'],
    ['a network error', new GatewayNetworkError(E, 'ECONNRESET'), 'task'],
    ['another store error', new StoreError('STORE_QUERY', 'bad query'), 'task'],
    ['an unknown gateway code', new GatewayUnknownError(E, 'WHATEVER', 'x'), 'task'],
    ['a plain error', new Error('AUTH QUOTA'), 'task'],
    ['a thrown string', 'GATEWAY_AUTH', 'task'],
  ])('%s is %s', (_what, err, expected) => {
    const got = isQuotaError(err) ? 'quota' : isFatalForRun(err) ? 'fatal' : 'task';
    expect(got).toBe(expected);
  });

  it('reports the code of a coded error and UNEXPECTED otherwise', () => {
    expect(errorCode(new GatewayAuthError(E, 403))).toBe('GATEWAY_AUTH');
    expect(errorCode(new Error('x'))).toBe('UNEXPECTED');
    expect(errorCode(null)).toBe('UNEXPECTED');
  });
});
