import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

/**
 * The committed document read by a second, independent parser (the linter in this project's `test` target is
 * the first), plus the promises docs/api.md makes about it, checked here rather than trusted.
 */
type Json = Record<string, unknown>;
const load = (): Json =>
  JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as Json;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: Json): Array<{ where: string; operation: Json }> {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      where: `${m.toUpperCase()} ${path}`,
      operation: item[m] as Json,
    })),
  );
}

function schemaNodes(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((v) => schemaNodes(v, out));
  else if (typeof value === 'object' && value !== null) {
    out.push(value as Json);
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'example' && key !== 'examples') schemaNodes(child, out);
    }
  }
  return out;
}

describe('the committed OpenAPI document', () => {
  it('is valid OpenAPI 3.0 for @apidevtools/swagger-parser, with every $ref resolving', async () => {
    const api = (await SwaggerParser.validate(load() as never)) as unknown as Json;
    expect(api.openapi).toBe('3.0.3');
    expect((api.servers as Array<{ url: string }>)[0].url).toMatch(/^https?:\/\//);
  });

  it('states the security of every operation: bearer, or explicitly none for public ones', () => {
    const document = load();
    const schemes = Object.keys((document.components as Json).securitySchemes as Json);
    let publicOnes = 0;
    for (const { where, operation } of operations(document)) {
      expect(Array.isArray(operation.security), where).toBe(true);
      const security = operation.security as Array<Record<string, unknown>>;
      if (security.length === 0) publicOnes++;
      for (const requirement of security) {
        for (const name of Object.keys(requirement)) expect(schemes, where).toContain(name);
      }
    }
    // The catalogue, verification, geography, register/login/refresh and /health are open to anyone.
    expect(publicOnes).toBeGreaterThanOrEqual(9);
  });

  it('gives every operation coded 4xx answers whose examples are error bodies of that status', () => {
    const document = load();
    const components = document.components as Json;
    const shared = components.responses as Record<string, Json>;
    const examples = components.examples as Record<string, { value: { code: string } }>;
    const codes = (components.schemas as Record<string, { enum: string[] }>).ErrorCode.enum;
    for (const { where, operation } of operations(document)) {
      const responses = operation.responses as Record<string, Json>;
      const clientErrors = Object.keys(responses).filter((s) => s.startsWith('4'));
      expect(clientErrors.length, where).toBeGreaterThan(0);
      for (const status of clientErrors) {
        const ref = responses[status].$ref as string | undefined;
        const response = ref ? shared[ref.split('/').pop() as string] : responses[status];
        const media = (response.content as Record<string, Json>)['application/json'];
        expect((media.schema as Json).$ref, `${where} ${status}`).toBe('#/components/schemas/ErrorResponse');
        const named = Object.entries(media.examples as Record<string, { $ref: string }>);
        expect(named.length, `${where} ${status}`).toBeGreaterThan(0);
        for (const [code, { $ref }] of named) {
          const example = examples[$ref.split('/').pop() as string];
          expect(example.value.code).toBe(code);
          expect(codes).toContain(code);
        }
      }
    }
  });

  it('has no form other tools disagree on: nullable without type or null, single-schema allOf, $ref siblings', () => {
    for (const node of schemaNodes(load())) {
      if (node.nullable !== undefined) expect(node.type, JSON.stringify(node)).toBeDefined();
      if (node.nullable === true && Array.isArray(node.enum)) expect(node.enum).toContain(null);
      if (Array.isArray(node.allOf)) expect(node.allOf.length, JSON.stringify(node)).toBeGreaterThan(1);
      if (typeof node.$ref === 'string') expect(Object.keys(node)).toEqual(['$ref']);
    }
  });
});
