import type { INestApplication } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { MetricsService } from '../health/metrics.service.js';
import { ErrorFilter } from './error.filter.js';
import type { JsonLogger } from './json-logger.js';
import { requestIdFrom, runWithRequestId } from './request-context.js';
import { RejectNulPipe } from './reject-nul.pipe.js';
import { requestPolicy } from './request-policy.js';
import { createValidationPipe } from './validation.js';

/** Request id, access log and latency metric for every request. Logs the route pattern, never the query or body. */
function requestMiddleware(logger: JsonLogger, metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    // Answers to a signed-in caller may hold personal data: no browser or proxy keeps them (a route may override).
    if (req.headers.authorization) res.setHeader('Cache-Control', 'private, no-store');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (res.statusCode >= 500) metrics.httpErrors.inc({ route });
      runWithRequestId(requestId, () =>
        logger.event(res.statusCode >= 500 ? 'error' : 'info', 'request', {
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        }),
      );
    });
    runWithRequestId(requestId, next, {
      userAgent: req.headers['user-agent'] ?? null,
      address: req.ip ?? null,
    });
  };
}

export function configureHttp(
  app: INestApplication,
  logger: JsonLogger,
  metrics: MetricsService,
  trustProxy: boolean | string,
): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', trustProxy);
  express.disable('x-powered-by');
  app.use(requestMiddleware(logger, metrics));
  app.use(helmet());
  // JSON only: a form post or text/plain body is refused with 415 by the request policy, never read as empty.
  express.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.use(requestPolicy());
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  (app.getHttpServer() as Server).on('clientError', answerUnreadableRequest);
}

/**
 * Requests Node cannot even parse (headers or the request line too large, broken HTTP) get the API's error shape
 * instead of Node's bare status line.
 */
function answerUnreadableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (error.code as string) === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    code: tooLarge ? ErrorCode.PayloadTooLarge : ErrorCode.ValidationFailed,
    message: tooLarge
      ? 'The address or the headers of the request are too large.'
      : 'The request could not be read.',
    requestId: randomUUID(),
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
