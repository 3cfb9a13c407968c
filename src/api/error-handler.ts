/**
 * One place turns errors into answers: an `HttpError` keeps its status and message; a client error raised
 * by Fastify (malformed body, wrong content type…) keeps its status and short message; anything else is a
 * 500 with a generic sentence, logged on our side. Stack traces never leave the process.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { errorMessage } from '../errors/app-error.js';
import type { Logger } from '../log/logger.js';
import { redactText } from '../log/redact.js';
import { errorBody, HttpError } from './http-error.js';

export function registerErrorHandlers(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send(errorBody(err.statusCode, err.code, redactText(err.message)));
    }
    const status = err.statusCode ?? 500;
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

  app.setNotFoundHandler((request, reply) => {
    const route = `${request.method} ${request.url.split('?')[0]}`.slice(0, 120);
    return reply
      .code(404)
      .send(errorBody(404, 'not_found', `no such endpoint: ${route}; see docs/api.md for the list of endpoints`));
  });
}
