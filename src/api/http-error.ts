/**
 * Errors the API answers on purpose: an `AppError` with the HTTP status to send. The message names the
 * parameter or resource and says how to fix the request; it is shown to the caller as is.
 */
import { AppError } from '../errors/app-error.js';

export class HttpError extends AppError {
  constructor(
    readonly statusCode: number,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'bad_request', message);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { status: number; code: string; message: string };
}

export function errorBody(status: number, code: string, message: string): ErrorBody {
  return { error: { status, code, message } };
}
