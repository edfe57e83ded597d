import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { testSecrets } from '../testing/test-app.js';
import { MATRIX } from '../testing/route-matrix.js';
import { buildOpenApi } from './openapi.js';

const clientDir = new URL('../../../../libs/api-client/', import.meta.url);

async function currentDocument() {
  const config = loadConfig({ ...testSecrets(), DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' });
  const app = await NestFactory.create(AppModule.forRoot(config, { worker: false }), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  const document = buildOpenApi(app, config);
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

  it('states the same security and 401/403 answers as the hand-written authorization matrix', async () => {
    const document = await currentDocument();
    type Operation = { security?: Array<Record<string, string[]>>; responses: Record<string, unknown> };
    const codesOf = (response: unknown): string[] => {
      const ref = (response as { $ref?: string } | undefined)?.$ref;
      const resolved = ref ? document.components.responses[ref.split('/').pop() as string] : response;
      return Object.keys(resolved?.content?.['application/json']?.examples ?? {});
    };
    let checked = 0;
    for (const [path, item] of Object.entries<Record<string, Operation>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const route = `${method.toUpperCase()} ${path}`;
        const who = MATRIX[route];
        expect(operation.security, route).toBeDefined();
        const needsBearer = operation.security?.some((requirement) => 'bearer' in requirement);
        expect(needsBearer, route).toBe(who !== 'anyone');
        expect(codesOf(operation.responses['401']).includes('AUTH_REQUIRED'), route).toBe(
          who !== 'anyone' || route === 'GET /metrics',
        );
        if (Array.isArray(who)) expect(codesOf(operation.responses['403']), route).toContain('FORBIDDEN');
        checked++;
      }
    }
    expect(checked).toBe(Object.keys(MATRIX).length);
    expect(document.servers).toEqual([
      { url: 'http://127.0.0.1:3000', description: 'This deployment (API_PUBLIC_URL)' },
    ]);
  });

  it('refuses to build when a decorator names an error code under the wrong status', async () => {
    const { addErrorResponses } = await import('./error-responses.js');
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/api/x/{id}': {
          post: {
            operationId: 'X_make',
            requestBody: { content: {} },
            responses: { '409': { description: 'ENROLMENT_CLOSED' } },
          },
        },
      },
    };
    const facts = new Map([
      ['X_make', { isPublic: false, roles: [], mfaExempt: false, stepUp: false, successStatus: 201 }],
    ]);
    // ENROLMENT_CLOSED is a 422 in the error filter, not a 409.
    expect(() => addErrorResponses(document as never, facts)).toThrow(/ENROLMENT_CLOSED under 409.*422/);
  });
});
