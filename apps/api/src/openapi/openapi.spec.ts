import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { testSecrets } from '../testing/test-app.js';
import { buildOpenApi } from './openapi.js';

const clientDir = new URL('../../../../libs/api-client/', import.meta.url);

async function currentDocument() {
  const config = loadConfig({ ...testSecrets(), DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' });
  const app = await NestFactory.create(AppModule.forRoot(config, { worker: false }), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  const document = buildOpenApi(app);
  await app.close();
  return JSON.parse(JSON.stringify(document));
}

describe('OpenAPI document and generated client', () => {
  it('are up to date with the code (run `npm run openapi` when this fails)', async () => {
    const document = await currentDocument();
    const committed = JSON.parse(readFileSync(new URL('openapi.json', clientDir), 'utf8'));
    expect(document).toEqual(committed);
    const types = astToString(await openapiTS(document));
    const committedTypes = readFileSync(new URL('src/schema.d.ts', clientDir), 'utf8');
    expect(committedTypes).toContain(types.trim());
  });

  it('documents every route with a summary and the error shape', async () => {
    const document = await currentDocument();
    for (const [path, item] of Object.entries<Record<string, { summary?: string }>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.summary, `${method.toUpperCase()} ${path}`).toBeTruthy();
      }
    }
    expect(document.components.schemas.ErrorResponse.required).toEqual(['code', 'message', 'requestId']);
  });
});
