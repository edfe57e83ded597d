import 'reflect-metadata';
import type { Server } from 'node:http';
import { createHttpApp } from './app.factory.js';
import { JsonLogger } from './common/json-logger.js';
import { exitGracefullyOnSignals } from './common/shutdown.js';
import { ConfigError, loadConfig } from './config/config.js';

try {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createHttpApp(config, { worker: config.workerInProcess, logger });
  await app.listen(config.port, config.host);
  exitGracefullyOnSignals(app, {
    process: 'api',
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    server: app.getHttpServer() as Server,
  });
  logger.event('info', 'api listening', { url: await app.getUrl(), worker: config.workerInProcess });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
