import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('welcome notification through the outbox and Bull', () => {
  it('arrives after registration, once, and can be marked read idempotently', async () => {
    const reg = await t.http.post('/api/auth/register').send(registerBody({ name: '陈阿姨' }));
    const auth = { type: 'bearer' } as const;
    const list = await waitFor(async () => {
      const res = await t.http.get('/api/me/notifications').auth(reg.body.accessToken, auth);
      return res.body.items.length ? res.body : undefined;
    });
    expect(list).toMatchObject({
      unread: 1,
      items: [{ kind: 'welcome', params: { name: '陈阿姨' }, readAt: null }],
    });

    const [outbox] = await t.db.query(`SELECT job_id, sent_at FROM job_outbox WHERE job_id = $1`, [
      `welcome:${reg.body.user.id}`,
    ]);
    expect(outbox.sent_at).not.toBeNull();

    const id = list.items[0].id;
    expect(
      (await t.http.post(`/api/me/notifications/${id}/read`).auth(reg.body.accessToken, auth)).status,
    ).toBe(204);
    expect(
      (await t.http.post(`/api/me/notifications/${id}/read`).auth(reg.body.accessToken, auth)).status,
    ).toBe(204);
    const after = await t.http.get('/api/me/notifications').auth(reg.body.accessToken, auth);
    expect(after.body.unread).toBe(0);
    expect(after.body.items).toHaveLength(1);
  });

  it('does not let one learner read another’s notification', async () => {
    const a = await t.http.post('/api/auth/register').send(registerBody());
    const b = await t.http.post('/api/auth/register').send(registerBody());
    const items = await waitFor(async () => {
      const res = await t.http.get('/api/me/notifications').auth(a.body.accessToken, { type: 'bearer' });
      return res.body.items.length ? res.body.items : undefined;
    });
    const res = await t.http
      .post(`/api/me/notifications/${items[0].id}/read`)
      .auth(b.body.accessToken, { type: 'bearer' });
    expect(res.status).toBe(404);
  });
});
