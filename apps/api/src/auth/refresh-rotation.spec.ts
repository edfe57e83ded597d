import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { REUSE_LEEWAY_SECONDS } from './token.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(() => t?.close());

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

async function signIn(): Promise<{ refreshToken: string; userId: string; sessionId: string }> {
  const res = await t.http.post('/api/auth/register').send(registerBody());
  expect(res.status).toBe(201);
  const [row] = await t.db.query<Array<{ session_id: string }>>(
    `SELECT session_id FROM refresh_tokens WHERE token_hash = $1`,
    [sha256(res.body.refreshToken)],
  );
  return { refreshToken: res.body.refreshToken, userId: res.body.user.id, sessionId: row.session_id };
}

/** The session's refresh tokens that can still be exchanged (unused, unexpired, session open). */
async function liveTokens(sessionId: string): Promise<string[]> {
  const rows: Array<{ token_hash: string }> = await t.db.query(
    `SELECT t.token_hash FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
      WHERE t.session_id = $1 AND t.used_at IS NULL AND t.expires_at > now() AND s.revoked_at IS NULL`,
    [sessionId],
  );
  return rows.map((r) => r.token_hash);
}

const refresh = (refreshToken: string) => t.http.post('/api/auth/refresh').send({ refreshToken });

describe('refresh rotation that cannot fork', () => {
  it('one token used 8 times at once yields exactly one successor, handed to all 8', async () => {
    const { refreshToken, sessionId } = await signIn();
    const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(refreshToken)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const successors = new Set(answers.map((a) => a.body.refreshToken as string));
    expect(successors.size).toBe(1);
    const [successor] = [...successors];
    expect(successor).not.toBe(refreshToken);
    // Counted a second way, in the database: one live token, and it is the one handed out.
    expect(await liveTokens(sessionId)).toEqual([sha256(successor)]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE session_id = $1`, [
      sessionId,
    ]);
    expect(n).toBe(2);
    // Every answer carries a working access token for the same session.
    for (const a of answers) {
      expect((await t.http.get('/api/me').auth(a.body.accessToken, { type: 'bearer' })).status).toBe(200);
    }
  });

  it('a replay within the window returns the same successor; the successor rotates normally', async () => {
    const { refreshToken, sessionId } = await signIn();
    const first = await refresh(refreshToken);
    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(200);
    expect(replay.body.refreshToken).toBe(first.body.refreshToken);
    const next = await refresh(first.body.refreshToken);
    expect(next.status).toBe(200);
    expect(await liveTokens(sessionId)).toEqual([sha256(next.body.refreshToken)]);
  });

  it('stores the successor only sealed: the database alone does not give it away', async () => {
    const { refreshToken } = await signIn();
    const first = await refresh(refreshToken);
    const [row] = await t.db.query(
      `SELECT successor_hash, successor_sealed FROM refresh_tokens WHERE token_hash = $1`,
      [sha256(refreshToken)],
    );
    expect(row.successor_hash).toBe(sha256(first.body.refreshToken));
    expect(row.successor_sealed).not.toContain(first.body.refreshToken);
  });

  it('a replay after the window revokes the whole family, once, on record', async () => {
    const { refreshToken, sessionId, userId } = await signIn();
    const first = await refresh(refreshToken);
    const second = await refresh(first.body.refreshToken);
    // Concurrent replays at the edge of the window: just past it.
    await t.db.query(
      `UPDATE refresh_tokens SET used_at = now() - make_interval(secs => $2) WHERE token_hash = $1`,
      [sha256(refreshToken), REUSE_LEEWAY_SECONDS + 5],
    );
    const replays = await Promise.all(Array.from({ length: 3 }, () => refresh(refreshToken)));
    expect(replays.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([401, 'AUTH_REFRESH_INVALID']));
    expect(await liveTokens(sessionId)).toEqual([]);
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
    expect((await t.http.get('/api/me').auth(second.body.accessToken, { type: 'bearer' })).status).toBe(401);
    const events = await t.db.query(
      `SELECT actor_user_id, entity_id FROM audit_events WHERE action = 'auth.refresh_token_reused' AND entity_id = $1`,
      [sessionId],
    );
    expect(events).toEqual([{ actor_user_id: userId, entity_id: sessionId }]);
    const [session] = await t.db.query(`SELECT revoked_reason FROM auth_sessions WHERE id = $1`, [sessionId]);
    expect(session.revoked_reason).toBe('refresh_token_reuse');
  });

  it('a replay exactly inside the last second of the window is still a duplicate', async () => {
    const { refreshToken } = await signIn();
    const first = await refresh(refreshToken);
    await t.db.query(
      `UPDATE refresh_tokens SET used_at = now() - make_interval(secs => $2) WHERE token_hash = $1`,
      [sha256(refreshToken), REUSE_LEEWAY_SECONDS - 1],
    );
    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(200);
    expect(replay.body.refreshToken).toBe(first.body.refreshToken);
  });

  it('two sessions of one account rotate independently', async () => {
    const a = await signIn();
    const body = registerBody();
    await t.http.post('/api/auth/register').send(body);
    const s1 = await t.http.post('/api/auth/login').send({ login: body.mobile, password: body.password });
    const s2 = await t.http.post('/api/auth/login').send({ login: body.mobile, password: body.password });
    const [r1, r2] = await Promise.all([refresh(s1.body.refreshToken), refresh(s2.body.refreshToken)]);
    expect(r1.body.refreshToken).not.toBe(r2.body.refreshToken);
    expect((await refresh(a.refreshToken)).status).toBe(200);
  });
});
