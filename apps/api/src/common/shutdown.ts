import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import type { JsonLogger } from './json-logger.js';

export interface GracefulShutdownOptions {
  /** `api` or `worker`, for the log lines. */
  process: string;
  timeoutMs: number;
  logger: JsonLogger;
  /** The HTTP server whose in-flight requests are awaited (the API's; the worker's metrics listener). */
  server?: Server;
  /** Closes anything outside Nest (the worker's metrics listener), after Nest has closed. */
  afterClose?: () => Promise<void>;
}

/**
 * SIGTERM or SIGINT: stop taking work, finish what is in flight, close PostgreSQL and Redis, exit 0.
 *
 * Nest's own shutdown hooks would re-raise the signal after closing (exit by signal, not 0) and wait without a bound,
 * so the entry points use this instead. `app.close()` stops the listener and waits for requests in flight; the
 * worker's `beforeApplicationShutdown` pauses its queues and waits for active jobs; then TypeORM and Bull close.
 * Keep-alive connections left idle are closed as they become idle. After `timeoutMs` whatever is still open is
 * cut and the process exits 1 (a cut job is retried by another worker once its Bull lock expires).
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  options: GracefulShutdownOptions,
): void {
  let started = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const { logger, server } = options;
    logger.event('info', 'shutting down', { process: options.process, signal, timeoutMs: options.timeoutMs });
    const idle = server ? setInterval(() => server.closeIdleConnections(), 100) : undefined;
    let forced = false;
    const force = setTimeout(() => {
      forced = true;
      logger.event('warn', 'shutdown timed out; closing what is still open', { process: options.process });
      server?.closeAllConnections();
      setTimeout(() => process.exit(1), 2000).unref();
    }, options.timeoutMs);
    void app
      .close()
      .then(() => options.afterClose?.())
      .then(
        () => {
          logger.event('info', 'shut down', { process: options.process, forced });
          process.exit(forced ? 1 : 0);
        },
        (error: Error) => {
          logger.event('error', 'shutdown failed', { process: options.process, error: error.message });
          process.exit(1);
        },
      )
      .finally(() => {
        clearInterval(idle);
        clearTimeout(force);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
