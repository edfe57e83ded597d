import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(() => t?.close());

// Not in the OpenAPI document (a UI with its own JSON API), hence not in the authorization matrix: tested here.
describe('the queue dashboard (@bull-board) at /api/admin/queues', () => {
  it('refuses anonymous callers (401) and every role but bureau_admin (403), in the error shape', async () => {
    for (const path of [
      '/api/admin/queues',
      '/api/admin/queues/api/queues',
      '/api/admin/queues/static/x.js',
    ]) {
      const anonymous = await t.http.get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({
        code: 'AUTH_REQUIRED',
        message: expect.any(String),
        requestId: expect.any(String),
      });
    }
    const providerId = await makeProvider(t);
    for (const role of [Role.Learner, Role.ProviderAdmin, Role.BureauAnalyst]) {
      const actor = await makeActor(t, role, role === Role.ProviderAdmin ? providerId : undefined);
      const page = await t.http.get('/api/admin/queues').auth(actor.token, { type: 'bearer' });
      expect(page.status).toBe(403);
      expect(page.body.code).toBe('FORBIDDEN');
      const retry = await t.http
        .put('/api/admin/queues/api/queues/notifications/retry/failed')
        .auth(actor.token, { type: 'bearer' });
      expect(retry.status).toBe(403);
    }
  });

  it('shows bureau_admin the page (based at the web route) and every queue with its counts', async () => {
    const admin = await makeActor(t, Role.BureauAdmin);
    const page = await t.http.get('/api/admin/queues').auth(admin.token, { type: 'bearer' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<base href="/admin/queues/"');
    const queues = await t.http.get('/api/admin/queues/api/queues').auth(admin.token, { type: 'bearer' });
    expect(queues.status).toBe(200);
    expect((queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort()).toEqual([
      'certificates',
      'imports',
      'maintenance',
      'notifications',
    ]);
    const script = /src="(static\/js\/main\.[\w.]+\.js)"/.exec(page.text)?.[1];
    const asset = await t.http.get(`/api/admin/queues/${script}`).auth(admin.token, { type: 'bearer' });
    expect(asset.status).toBe(200);
    const missing = await t.http.get('/api/admin/queues/api/nothing').auth(admin.token, { type: 'bearer' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('is left out of the OpenAPI document', async () => {
    const doc = await t.http.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths as object).filter((p) => p.includes('admin/queues'))).toEqual([]);
  });
});
