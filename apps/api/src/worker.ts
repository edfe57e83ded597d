import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@cll/domain';
import { createWorker } from './app.factory.js';
import { JsonLogger } from './common/json-logger.js';
import { exitGracefullyOnSignals } from './common/shutdown.js';
import { type AppConfig, ConfigError, loadConfig } from './config/config.js';
import { refuseMetrics } from './health/metrics-access.js';
import { MetricsService } from './health/metrics.service.js';

/**
 * The worker's only HTTP surface: `GET /metrics` (job durations and failures happen here, not in the API), under the
 * same token rule as the API's. Anything else is 404 in the API's error shape.
 */
function metricsListener(config: AppConfig, metrics: MetricsService): Server {
  return createServer((req, res) => {
    const reply = (status: number, code: ErrorCode, message: string) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify({ code, message, requestId: randomUUID() }));
    };
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      return reply(404, ErrorCode.NotFound, 'Only GET /metrics is served here.');
    }
    const refusal = refuseMetrics(config, req.headers.authorization);
    if (refusal) return reply(refusal.status, refusal.code, refusal.message);
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(text);
      },
      () => reply(500, ErrorCode.Internal, 'Metrics could not be collected.'),
    );
  });
}

try {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createWorker(config, logger);
  let server: Server | undefined;
  if (config.workerMetricsPort !== undefined) {
    const listener = metricsListener(config, app.get(MetricsService));
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(config.workerMetricsPort, config.host, resolve);
    });
    server = listener;
  }
  exitGracefullyOnSignals(app, {
    process: 'worker',
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    afterClose: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
  logger.event('info', 'worker started', {
    metrics: server ? `http://${config.host}:${config.workerMetricsPort}/metrics` : null,
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
