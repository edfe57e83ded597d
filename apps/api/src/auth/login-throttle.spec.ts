import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';
import { delayAfter } from './login-throttle.service.js';

let t: TestApp;
let sms: DevSmsGateway;
beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: '1000',
    RATE_LIMIT_LOGIN_FAILURES_PER_PAIR: '3',
    RATE_LIMIT_LOGIN_DELAY_SECONDS: '30',
    RATE_LIMIT_LOGIN_SPRAY_ADDRESSES: '5',
    // Few connections: a code check that needed a second connection inside its transaction would starve here.
    DATABASE_POOL_SIZE: '2',
  });
  sms = t.app.get(SMS_GATEWAY);
});
afterAll(() => t?.close());

const from = (ip: string) => ({ 'x-forwarded-for': ip });
let ipSeq = 0;
/** A fresh documentation-range address for each call. */
const freshIp = () => `198.51.100.${++ipSeq}`;

async function owner() {
  const body = registerBody();
  const res = await t.http.post('/api/auth/register').set(from(freshIp())).send(body);
  expect(res.status).toBe(201);
  return { mobile: body.mobile as string, password: body.password as string, id: res.body.user.id as string };
}

const login = (ip: string, login: string, password: string) =>
  t.http.post('/api/auth/login').set(from(ip)).send({ login, password });

describe('the wait rule', () => {
  it('gives free failures, then doubles the wait up to the cap (checked against a table written out by hand)', () => {
    const rule = { freeFailures: 3, baseSeconds: 30, maxSeconds: 900 };
    const table = [0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900];
    expect(table.map((_, f) => delayAfter(f, rule))).toEqual(table);
    for (let f = 0; f < 40; f++) {
      let wait = 0;
      for (let k = rule.freeFailures; k <= f; k++) wait = wait === 0 ? rule.baseSeconds : wait * 2;
      expect(delayAfter(f, rule)).toBe(Math.min(wait, rule.maxSeconds));
    }
  });
});

describe('throttling per account and address', () => {
  it('slows the failing address down, while the owner signs in from another one', async () => {
    const o = await owner();
    const attacker = freshIp();
    for (let i = 0; i < 3; i++) expect((await login(attacker, o.mobile, 'guess-guess1')).status).toBe(401);
    const blocked = await login(attacker, o.mobile, o.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(blocked.body.retryAfterSeconds).toBeGreaterThan(25);
    expect(blocked.body.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect((await login(freshIp(), o.mobile, o.password)).status).toBe(200);
  });

  it('doubles the wait with each further failure, and lets the address try again once it has waited', async () => {
    const o = await owner();
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await login(ip, o.mobile, 'guess-guess1');
    const age = (seconds: number) =>
      t.db.query(
        `UPDATE login_failures SET last_failed_at = now() - make_interval(secs => $2) WHERE address = $1`,
        [ip, seconds],
      );
    await age(31);
    expect((await login(ip, o.mobile, 'guess-guess1')).status).toBe(401);
    expect((await login(ip, o.mobile, o.password)).body.retryAfterSeconds).toBeGreaterThan(55);
    await age(61);
    expect((await login(ip, o.mobile, 'guess-guess1')).status).toBe(401);
    expect((await login(ip, o.mobile, o.password)).body.retryAfterSeconds).toBeGreaterThan(115);
    await age(121);
    // Having waited, the right password signs in and clears the count for this address.
    expect((await login(ip, o.mobile, o.password)).status).toBe(200);
    expect(await t.db.query(`SELECT 1 FROM login_failures WHERE address = $1`, [ip])).toEqual([]);
  });

  it('starts a pair over after a quiet window', async () => {
    const o = await owner();
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await login(ip, o.mobile, 'guess-guess1');
    await t.db.query(
      `UPDATE login_failures SET last_failed_at = now() - interval '16 minutes' WHERE address = $1`,
      [ip],
    );
    expect((await login(ip, o.mobile, 'guess-guess1')).status).toBe(401);
    const [row] = await t.db.query(`SELECT failures FROM login_failures WHERE address = $1`, [ip]);
    expect(row.failures).toBe(1);
  });

  it('counts unknown accounts the same way, so the answers do not tell them apart', async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await login(ip, '13011112222', 'guess-guess1')).status);
    expect(answers).toEqual([401, 401, 401, 429]);
  });
});

describe('an account sprayed from many addresses', () => {
  async function spray(mobile: string, addresses: number) {
    for (let i = 0; i < addresses; i++) await login(freshIp(), mobile, `spray-${i}-pass1`);
  }

  it('below the threshold, the right password from a fresh address signs straight in', async () => {
    const o = await owner();
    await spray(o.mobile, 4);
    expect((await login(freshIp(), o.mobile, o.password)).status).toBe(200);
  });

  it('the owner signs in with the right password and the code texted to their mobile', async () => {
    const o = await owner();
    await spray(o.mobile, 6);
    const sentBefore = sms.list(o.mobile).length;
    // The attacker's wrong passwords never trigger a text.
    expect((await login(freshIp(), o.mobile, 'another-guess1')).body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(sms.list(o.mobile)).toHaveLength(sentBefore);

    const first = await login(freshIp(), o.mobile, o.password);
    expect(first.status).toBe(401);
    expect(first.body).toMatchObject({
      code: 'AUTH_STEP_UP_REQUIRED',
      challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresInSeconds: 300,
      mobileMasked: `${o.mobile.slice(0, 3)}****${o.mobile.slice(-4)}`,
    });
    const code = sms.lastCode(o.mobile);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: first.body.challengeId, code: wrong });
    expect([bad.status, bad.body.code]).toEqual([400, 'CODE_INVALID']);
    const ok = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: first.body.challengeId, code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(o.id);
    expect((await t.http.get('/api/me').auth(ok.body.accessToken, { type: 'bearer' })).status).toBe(200);
    const again = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: first.body.challengeId, code });
    expect([again.status, again.body.code]).toEqual([409, 'CODE_USED']);
    const [event] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'auth.login' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [o.id],
    );
    expect(event.details).toEqual({ stepUp: true });
  });

  it('keeps only a keyed hash of the code, never the code or the number', async () => {
    const o = await owner();
    await spray(o.mobile, 5);
    const res = await login(freshIp(), o.mobile, o.password);
    const code = sms.lastCode(o.mobile) as string;
    const [row] = await t.db.query(`SELECT to_jsonb(v) AS row FROM verification_codes v WHERE id = $1`, [
      res.body.challengeId,
    ]);
    const stored = JSON.stringify(row.row);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(o.mobile);
  });

  it('a right code given once at five places at once signs in once', async () => {
    const o = await owner();
    await spray(o.mobile, 5);
    const res = await login(freshIp(), o.mobile, o.password);
    const code = sms.lastCode(o.mobile);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post('/api/auth/login/step-up').send({ challengeId: res.body.challengeId, code }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('after five wrong codes even the right one is refused; an expired code is refused', async () => {
    const o = await owner();
    await spray(o.mobile, 5);
    const res = await login(freshIp(), o.mobile, o.password);
    const code = sms.lastCode(o.mobile) as string;
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const r = await t.http
        .post('/api/auth/login/step-up')
        .send({ challengeId: res.body.challengeId, code: wrong });
      expect(r.body.code).toBe('CODE_INVALID');
    }
    const late = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: res.body.challengeId, code });
    expect([late.status, late.body.code]).toEqual([429, 'CODE_ATTEMPTS_EXHAUSTED']);

    const next = await login(freshIp(), o.mobile, o.password);
    await t.db.query(`UPDATE verification_codes SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      next.body.challengeId,
    ]);
    const expired = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: next.body.challengeId, code: sms.lastCode(o.mobile) });
    expect([expired.status, expired.body.code]).toEqual([400, 'CODE_EXPIRED']);
  });

  it('refuses malformed and unknown challenges with coded 4xx', async () => {
    const malformed = await t.http.post('/api/auth/login/step-up').send({ challengeId: 'x', code: '12' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const unknown = await t.http
      .post('/api/auth/login/step-up')
      .send({ challengeId: '00000000-0000-4000-8000-000000000000', code: '123456' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'CODE_INVALID']);
  });

  it('answers 503 SMS_UNAVAILABLE when the text cannot be sent, and leaves no usable code', async () => {
    const o = await owner();
    await spray(o.mobile, 5);
    sms.failing = true;
    try {
      const res = await login(freshIp(), o.mobile, o.password);
      expect([res.status, res.body.code]).toEqual([503, 'SMS_UNAVAILABLE']);
    } finally {
      sms.failing = false;
    }
    const open = await t.db.query(
      `SELECT 1 FROM verification_codes WHERE user_id = $1 AND consumed_at IS NULL AND expires_at > now()`,
      [o.id],
    );
    expect(open).toEqual([]);
  });
});
