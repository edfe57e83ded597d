import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('operations endpoints', () => {
  it('reports database and Redis separately', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      redis: { status: 'up' },
      queue: { outboxPending: 0 },
    });
  });

  it('serves Prometheus metrics including request latency and the outbox backlog', async () => {
    await t.http.get('/api/geo/townships');
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/geo\/townships",status="200"\} 1/,
    );
    expect(res.text).toMatch(/^job_outbox_pending 0$/m);
    expect(res.text).toContain('cll_process_cpu_seconds_total');
  });

  it('serves the OpenAPI document and UI, with security headers and a request id', async () => {
    const doc = await t.http.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/register']).toBeDefined();
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    expect(doc.headers['x-content-type-options']).toBe('nosniff');
    expect(doc.headers['x-powered-by']).toBeUndefined();
    expect(doc.headers['x-request-id']).toMatch(/.{8,}/);
  });

  it('answers unknown routes with the error shape and keeps a well-formed caller request id', async () => {
    const res = await t.http.get('/api/nothing-here').set('x-request-id', 'web-abc12345');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), requestId: 'web-abc12345' });
    const line = t.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.requestId === 'web-abc12345' && l.msg === 'request');
    expect(line).toMatchObject({ level: 'info', status: 404, method: 'GET' });
  });
});
