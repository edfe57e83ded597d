import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { RedisProcess } from '../testing/redis-process.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

let redis: RedisProcess;
let t: TestApp;

beforeAll(async () => {
  redis = await RedisProcess.start();
  t = await startTestApp({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
});

describe('outbox with Redis down', () => {
  it('registers while Redis is stopped, reports Redis down, and delivers the welcome once Redis is back', async () => {
    expect((await t.http.get('/health')).body).toMatchObject({ status: 'ok', redis: { status: 'up' } });
    await redis.stop();

    const reg = await t.http.post('/api/auth/register').send(registerBody({ name: '赵大爷' }));
    expect(reg.status).toBe(201);

    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      redis: { status: 'down' },
    });
    expect(health.body.queue.outboxPending).toBeGreaterThanOrEqual(1);
    const [pending] = await t.db.query(`SELECT sent_at FROM job_outbox WHERE job_id = $1`, [
      `welcome:${reg.body.user.id}`,
    ]);
    expect(pending.sent_at).toBeNull();

    await redis.restart();
    const items = await waitFor(async () => {
      const res = await t.http.get('/api/me/notifications').auth(reg.body.accessToken, { type: 'bearer' });
      return res.body.items.length ? res.body.items : undefined;
    }, 30_000);
    expect(items).toMatchObject([{ kind: 'welcome', params: { name: '赵大爷' } }]);
    expect((await t.http.get('/health')).body).toMatchObject({ status: 'ok', queue: { outboxPending: 0 } });
  });
});
