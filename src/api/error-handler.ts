/**
 * One place turns errors into answers: an `HttpError` keeps its status and message; a client error raised
 * by Fastify (malformed body, wrong content type…) keeps its status and short message; anything else is a
 * 500 with a generic sentence, logged on our side. Stack traces never leave the process.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../errors/app-error.js';
import type { Logger } from '../log/logger.js';
import { redactText } from '../log/redact.js';
import type { RouteIndex } from './guards/method-not-allowed.js';
import { errorBody, HttpError } from './http-error.js';

/** The database file is damaged: every answer that needs it says so, with what to do. */
export function isDamagedStore(err: unknown): err is AppError {
  return err instanceof AppError && err.code === 'STORE_CORRUPT';
}

export function registerErrorHandlers(app: FastifyInstance, logger: Logger, routes: RouteIndex): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send(errorBody(err.statusCode, err.code, redactText(err.message)));
    }
    if (isDamagedStore(err)) return reply.code(503).send(errorBody(503, 'store_damaged', redactText(err.message)));
    const status = err.statusCode ?? 500;
    // A request no route matched (e.g. method QUERY, whose missing body type Fastify refuses first).
    if (status >= 400 && status < 500 && request.is404) return notFound(request, reply, routes);
    if (status >= 400 && status < 500) {
      const code = (err.code ?? 'bad_request').toLowerCase();
      return reply.code(status).send(errorBody(status, code, redactText(err.message)));
    }
    logger.error({ err: errorMessage(err), method: request.method, url: request.url }, 'API request failed');
    return reply
      .code(500)
      .send(
        errorBody(500, 'internal_error', 'the server failed to answer this request: see the client log for details'),
      );
  });

  app.setNotFoundHandler((request, reply) => notFound(request, reply, routes));
}

/** 405 with `Allow` for a known path asked with another method, else 404. */
function notFound(request: FastifyRequest, reply: FastifyReply, routes: RouteIndex) {
  const path = request.url.split('?')[0] ?? '';
  const allowed = routes.methodsFor(path);
  if (allowed.length > 0) {
    return reply
      .code(405)
      .header('allow', allowed.join(', '))
      .send(
        errorBody(
          405,
          'method_not_allowed',
          `${path.slice(0, 100)} does not accept ${request.method}: use ${allowed.join(' or ')}`,
        ),
      );
  }
  const route = `${request.method} ${path}`.slice(0, 120);
  return reply
    .code(404)
    .send(errorBody(404, 'not_found', `no such endpoint: ${route}; see docs/api.md for the list of endpoints`));
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'the request headers are too large: send fewer or shorter headers'],
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, malformed request
 * line): answered in the same JSON shape as every other error, then the connection is closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: import('node:net').Socket): void {
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
    400,
    'bad_request',
    'the request could not be read as HTTP',
  ];
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify(errorBody(status, code, message));
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
