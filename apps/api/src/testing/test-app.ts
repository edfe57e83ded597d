import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createHttpApp } from '../app.factory.js';
import { JsonLogger } from '../common/json-logger.js';
import { type AppConfig, loadConfig } from '../config/config.js';
import { adminQuery, databaseUrl } from './database.js';
import { seedPlaces } from './builders.js';
import { unauditedWrites } from './audit-coverage.js';
import { contractProblems, type ObservedResponse, recordResponses } from './response-contract.js';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  db: DataSource;
  config: AppConfig;
  /** Every log line the app wrote, as JSON strings. */
  logs: string[];
  /** Every answer the app sent; checked against the OpenAPI document when the app closes. */
  responses: ObservedResponse[];
  close(): Promise<void>;
}

let counter = 0;

/** Secrets made fresh for each test app: nothing hard-coded. */
export function testSecrets(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_HASH_KEY: randomBytes(32).toString('base64'),
    CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
}

/** A copy of the migrated template database, with a few townships and villages. */
export async function createTestDatabase(): Promise<string> {
  const name = `cll_t_${inject('runId')}_${process.pid}_${++counter}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  return name;
}

/** Boots the real API (worker in-process by default) on a fresh database and real Redis. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${database}`,
    OUTBOX_POLL_MS: '100',
    DATABASE_POOL_SIZE: '5',
    ...testSecrets(),
    ...env,
  });
  const logs: string[] = [];
  const app = await createHttpApp(config, {
    worker: config.workerInProcess,
    logger: new JsonLogger('info', (l) => logs.push(l)),
  });
  await app.init();
  const traffic = recordResponses(app.getHttpServer() as Server);
  const db = app.get(DataSource);
  await seedPlaces(db);
  return {
    app,
    http: supertest(app.getHttpServer()),
    db,
    config,
    logs,
    responses: traffic,
    async close() {
      const unaudited = await unauditedWrites(db, logs).catch((error: Error) => [
        `(check failed: ${error.message})`,
      ]);
      await app.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      const broken = contractProblems(traffic);
      const failures = [
        ...(unaudited.length ? [`writes acknowledged without an audit event: ${unaudited.join(', ')}`] : []),
        ...(broken.length
          ? [`answers that break the OpenAPI document (libs/api-client/openapi.json):\n${broken.join('\n')}`]
          : []),
      ];
      if (failures.length) throw new Error(failures.join('\n'));
    },
  };
}
