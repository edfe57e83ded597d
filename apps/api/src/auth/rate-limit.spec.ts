import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '2', RATE_LIMIT_LOGIN_FAILURES_PER_IP: '3' });
});
afterAll(() => t?.close());

// The web server calls the API from loopback and names the resident's address in X-Forwarded-For.
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limits per resident address', () => {
  it('answers 429 to the third registration from one address within the hour, and not to another address', async () => {
    for (let i = 0; i < 2; i++) {
      expect(
        (await t.http.post('/api/auth/register').set(from('203.0.113.7')).send(registerBody())).status,
      ).toBe(201);
    }
    const third = await t.http.post('/api/auth/register').set(from('203.0.113.7')).send(registerBody());
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(
      (await t.http.post('/api/auth/register').set(from('198.51.100.4')).send(registerBody())).status,
    ).toBe(201);
  });

  it('limits failed logins per address across different accounts', async () => {
    for (const login of ['13000000001', '13000000002', '13000000003']) {
      const res = await t.http
        .post('/api/auth/login')
        .set(from('203.0.113.8'))
        .send({ login, password: 'nope-nope1' });
      expect(res.status).toBe(401);
    }
    const fourth = await t.http
      .post('/api/auth/login')
      .set(from('203.0.113.8'))
      .send({ login: '13000000004', password: 'x1' });
    expect(fourth.status).toBe(429);
    const elsewhere = await t.http
      .post('/api/auth/login')
      .set(from('198.51.100.9'))
      .send({ login: '13000000004', password: 'x1' });
    expect(elsewhere.status).toBe(401);
  });
});
