import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { deviceOf, placeOf } from './session-place.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(() => t?.close());

const bearer = { type: 'bearer' } as const;
const PHONE =
  'Mozilla/5.0 (Linux; Android 13; V2203A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36';
const PC =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0';

async function account() {
  const body = registerBody() as { mobile: string; password: string };
  const reg = await t.http.post('/api/auth/register').set('User-Agent', PHONE).send(body).expect(201);
  return { ...body, id: reg.body.user.id as string, first: reg.body };
}
const signIn = (who: { mobile: string; password: string }, ua: string) =>
  t.http
    .post('/api/auth/login')
    .set('User-Agent', ua)
    .send({ login: who.mobile, password: who.password })
    .expect(200);
const list = (token: string) => t.http.get('/api/auth/sessions').auth(token, bearer).expect(200);

describe('my signed-in devices', () => {
  it('lists live sessions with device, coarse place and first and last use; the current one first', async () => {
    const a = await account();
    const pc = (await signIn(a, PC)).body;
    const sessions = (await list(pc.accessToken)).body as Array<Record<string, unknown>>;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, device: 'Edge · Windows', place: 'loopback' });
    expect(sessions[1]).toMatchObject({ current: false, device: 'Chrome · Android', place: 'loopback' });
    for (const s of sessions) {
      expect(Date.parse(s.lastUsedAt as string)).toBeGreaterThanOrEqual(Date.parse(s.createdAt as string));
    }
    // A refresh counts as use.
    await t.db.query(
      `UPDATE auth_sessions SET last_used_at = created_at - interval '1 hour' WHERE user_id = $1`,
      [a.id],
    );
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: a.first.refreshToken })
      .expect(200);
    const after = (await list(refreshed.body.accessToken)).body as Array<{
      current: boolean;
      lastUsedAt: string;
    }>;
    const phone = after.find((s) => s.current);
    expect(Date.now() - Date.parse(phone?.lastUsedAt ?? '')).toBeLessThan(60_000);
    // Signed out sessions are not listed.
    await t.http.post('/api/auth/logout').auth(pc.accessToken, bearer).send({}).expect(204);
    expect((await list(refreshed.body.accessToken)).body).toHaveLength(1);
  });

  it('ends one session: its access and refresh tokens stop at once, the others go on', async () => {
    const a = await account();
    const pc = (await signIn(a, PC)).body;
    const [, phone] = (await list(pc.accessToken)).body as Array<{ id: string }>;
    await t.http.post(`/api/auth/sessions/${phone.id}/end`).auth(pc.accessToken, bearer).expect(204);
    const gone = await t.http.get('/api/me').auth(a.first.accessToken, bearer);
    expect(gone.status).toBe(401);
    expect(gone.body.code).toBe('AUTH_TOKEN_INVALID');
    const refresh = await t.http.post('/api/auth/refresh').send({ refreshToken: a.first.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.code).toBe('AUTH_REFRESH_INVALID');
    await t.http.get('/api/me').auth(pc.accessToken, bearer).expect(200);
    // Ending it again, or a session that is not mine: NOT_FOUND, and nothing changes.
    expect(
      (await t.http.post(`/api/auth/sessions/${phone.id}/end`).auth(pc.accessToken, bearer)).status,
    ).toBe(404);
    const b = await account();
    const [bSession] = (await list(b.first.accessToken)).body as Array<{ id: string }>;
    const foreign = await t.http.post(`/api/auth/sessions/${bSession.id}/end`).auth(pc.accessToken, bearer);
    expect(foreign.status).toBe(404);
    await t.http.get('/api/me').auth(b.first.accessToken, bearer).expect(200);
    const [event] = await t.db.query(
      `SELECT actor_user_id FROM audit_events WHERE action = 'auth.session_ended' AND entity_id = $1`,
      [phone.id],
    );
    expect(event.actor_user_id).toBe(a.id);
  });

  it('signs out everywhere else', async () => {
    const a = await account();
    const second = (await signIn(a, PC)).body;
    const third = (await signIn(a, PHONE)).body;
    const ended = await t.http
      .post('/api/auth/sessions/end-others')
      .auth(third.accessToken, bearer)
      .expect(200);
    expect(ended.body).toEqual({ ended: 2 });
    for (const token of [a.first.accessToken, second.accessToken]) {
      expect((await t.http.get('/api/me').auth(token, bearer)).status).toBe(401);
    }
    expect((await list(third.accessToken)).body).toHaveLength(1);
  });
});

describe('the coarse place and device labels', () => {
  it('never keeps a full address', () => {
    expect(placeOf('115.236.12.77')).toBe('115.236.12.0/24');
    expect(placeOf('::ffff:115.236.12.77')).toBe('115.236.12.0/24');
    expect(placeOf('127.0.0.1')).toBe('loopback');
    expect(placeOf('::1')).toBe('loopback');
    for (const ip of ['10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', 'fd12:3456::1', 'fe80::1'])
      expect(placeOf(ip)).toBe('private');
    expect(placeOf('172.32.0.1')).toBe('172.32.0.0/24');
    expect(placeOf('240e:3b7:3272:d8d0:1::1')).toBe('240e:3b7:3272::/48');
    expect(placeOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(placeOf('not an address')).toBeNull();
    expect(placeOf(undefined)).toBeNull();
  });

  it('names the browser and system', () => {
    expect(deviceOf(PHONE)).toBe('Chrome · Android');
    expect(deviceOf(PC)).toBe('Edge · Windows');
    expect(
      deviceOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40',
      ),
    ).toBe('WeChat · iOS');
    expect(deviceOf('curl/8.0')).toBe('App');
    expect(deviceOf(null)).toBe('unknown');
  });
});
