import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { buildOpenApi } from './openapi.js';

/**
 * Writes the OpenAPI document without a database or Redis: `preview` mode builds the module graph
 * and routes but instantiates no provider. Usage: node dist/openapi/write-openapi.js <file>
 */
const placeholderKey = Buffer.alloc(32).toString('base64');
const config = loadConfig({
  JWT_SECRET: 'openapi-generation-only-'.padEnd(32, '-'),
  PII_ENCRYPTION_KEY: placeholderKey,
  PII_HASH_KEY: placeholderKey,
  CREDENTIAL_SIGNING_KEY: placeholderKey,
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  LOG_LEVEL: 'error',
});
const app = await NestFactory.create(AppModule.forRoot(config, { worker: false }), {
  preview: true,
  logger: ['error'],
  abortOnError: false,
});
app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
const document = buildOpenApi(app, config);
writeFileSync(process.argv[2] ?? 'openapi.json', JSON.stringify(document, null, 2) + '\n');
await app.close();
