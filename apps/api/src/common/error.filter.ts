import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ApiErrorBody, ErrorCode } from '@cll/domain';
import type { Request, Response } from 'express';
import { DomainException, httpStatusFor } from './domain.exception.js';
import { currentRequestId } from './request-context.js';

/** Maps every error to `{ code, message, requestId }`. A 500 never shows internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const requestId = currentRequestId() ?? 'unknown';
    const { status, body } = this.toBody(exception, requestId);
    if (status >= 500) {
      this.logger.error(
        {
          msg: 'request failed',
          method: req.method,
          path: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
          error: describe(exception),
        },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (body.code === ErrorCode.RateLimited && typeof body.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    if (body.code === ErrorCode.ServiceUnavailable) res.setHeader('Retry-After', '5');
    if (!res.headersSent) {
      // A handler may have set a file's type and name before it failed (CSV, PDF): the error is JSON, not a file.
      res.removeHeader('Content-Disposition');
      res.status(status).type('application/json').json(body);
    }
  }

  private toBody(
    exception: unknown,
    requestId: string,
  ): { status: number; body: ApiErrorBody & Record<string, unknown> } {
    if (exception instanceof DomainException) {
      return {
        status: httpStatusFor(exception.code),
        body: {
          code: exception.code,
          message: exception.message,
          requestId,
          ...(exception.fields ? { fields: exception.fields } : {}),
          ...exception.details,
        },
      };
    }
    // Nest wraps body-parser errors in an HttpException whose cause keeps body-parser's `type`.
    const cause = exception instanceof Error && exception.cause ? exception.cause : exception;
    const bodyParserType = (cause as { type?: string } | null)?.type;
    if (bodyParserType === 'entity.parse.failed') {
      return this.simple(ErrorCode.MalformedJson, 'The request body is not valid JSON.', requestId);
    }
    if (bodyParserType === 'entity.too.large') {
      return this.simple(ErrorCode.PayloadTooLarge, 'The request body is too large.', requestId);
    }
    if (bodyParserType === 'charset.unsupported' || bodyParserType === 'encoding.unsupported') {
      return this.simple(
        ErrorCode.UnsupportedMediaType,
        'The request body encoding is not supported.',
        requestId,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return this.simple(ErrorCode.NotFound, 'No such route or resource.', requestId);
      if (status === 401) return this.simple(ErrorCode.AuthRequired, 'Sign in to continue.', requestId);
      if (status === 403)
        return this.simple(ErrorCode.Forbidden, 'You are not allowed to do this.', requestId);
      if (status === 413)
        return this.simple(ErrorCode.PayloadTooLarge, 'The request body is too large.', requestId);
      if (status === 415)
        return this.simple(ErrorCode.UnsupportedMediaType, 'Unsupported content type.', requestId);
      if (status === 429) return this.simple(ErrorCode.RateLimited, 'Too many requests.', requestId);
      if (status < 500) return this.simple(ErrorCode.ValidationFailed, exception.message, requestId);
    }
    if (isDatabaseUnavailable(exception)) {
      return this.simple(
        ErrorCode.ServiceUnavailable,
        'The service is briefly unavailable. Please try again in a few seconds.',
        requestId,
      );
    }
    return this.simple(
      ErrorCode.Internal,
      'Something went wrong on our side. Quote the request id if you contact us.',
      requestId,
    );
  }

  private simple(code: ErrorCode, message: string, requestId: string) {
    return { status: httpStatusFor(code), body: { code, message, requestId } };
  }
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : 'non-error thrown';
}

/** SQLSTATE classes and socket errors meaning PostgreSQL is restarting or unreachable (the request's transaction
 * was rolled back or never began), as opposed to a fault in the request or in our code. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isDatabaseUnavailable(exception: unknown): boolean {
  for (let e: unknown = exception, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_SOCKET.has(code)))
      return true;
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true;
    // TypeORM releases a query runner whose connection failed, and the next query on it (or the commit) throws.
    if (RELEASED_RUNNER.has(e.name)) return true;
    e = (e as { driverError?: unknown }).driverError ?? e.cause;
  }
  return false;
}
