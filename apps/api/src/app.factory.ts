import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureHttp } from './common/http-pipeline.js';
import { JsonLogger } from './common/json-logger.js';
import type { AppConfig } from './config/config.js';
import { runMigrations } from './database/migrate.js';
import { MetricsService } from './health/metrics.service.js';
import { serveOpenApi } from './openapi/openapi.js';

export interface CreateOptions {
  worker: boolean;
  logger?: JsonLogger;
}

async function prepare(config: AppConfig, logger: JsonLogger): Promise<void> {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
  if (config.migrateOnStart) {
    const applied = await runMigrations(config.databaseUrl);
    if (applied.length) logger.event('info', 'migrations applied', { migrations: applied });
  }
}

/** The HTTP API (with the worker inside it when `worker` is true). Not yet listening. */
export async function createHttpApp(config: AppConfig, options: CreateOptions): Promise<INestApplication> {
  const logger = options.logger ?? new JsonLogger(config.logLevel);
  await prepare(config, logger);
  const app = await NestFactory.create(AppModule.forRoot(config, { worker: options.worker }), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app, logger, app.get(MetricsService), config.trustProxy);
  serveOpenApi(app, config);
  return app;
}

/** The worker alone: job handlers and the outbox relay, no HTTP server. The entry point handles signals. */
export async function createWorker(
  config: AppConfig,
  logger = new JsonLogger(config.logLevel),
): Promise<INestApplicationContext> {
  await prepare(config, logger);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { worker: true }), {
    logger,
    abortOnError: false,
  });
  return app;
}
