import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody, uniqueMobile } from '../testing/builders.js';
import { lastCode } from '../testing/proxy-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    REGISTRATION_CODE_REQUIRED: 'true',
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    RATE_LIMIT_CODES_PER_IP: '1000',
  });
});
afterAll(() => t?.close());

const askCode = (mobile: string) => t.http.post('/api/auth/register/code').send({ mobile });
const register = (body: Record<string, unknown>) => t.http.post('/api/auth/register').send(body);
const texts = (mobile: string) => t.app.get<DevSmsGateway>(SMS_GATEWAY).list(mobile);
const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, challengeId: undefined });

/** Registers a fresh number the way the owner of the phone does. */
async function registerProved(overrides: Record<string, unknown> = {}) {
  const body = registerBody(overrides);
  const asked = await askCode(body.mobile as string);
  const res = await register({
    ...body,
    challengeId: asked.body.challengeId,
    code: lastCode(t, body.mobile as string),
  });
  expect(res.status).toBe(201);
  return body as { mobile: string };
}

describe('registration proven by a texted code', () => {
  it('says so in the options, and refuses a mobile without a code', async () => {
    expect((await t.http.get('/api/auth/registration-options')).body).toEqual({ codeRequired: true });
    const res = await register(registerBody());
    expect([res.status, res.body.code, res.body.fields?.[0]?.field]).toEqual([400, 'CODE_REQUIRED', 'code']);
  });

  it('registers with the code; the code works once and only for its number', async () => {
    const body = registerBody();
    const asked = await askCode(body.mobile as string);
    const code = lastCode(t, body.mobile as string);
    const other = await register({ ...registerBody(), challengeId: asked.body.challengeId, code });
    expect([other.status, other.body.code]).toEqual([400, 'CODE_INVALID']);
    expect((await register({ ...body, challengeId: asked.body.challengeId, code })).status).toBe(201);
    const again = await register({
      ...registerBody({ mobile: body.mobile }),
      challengeId: asked.body.challengeId,
      code,
    });
    expect([again.status, again.body.code]).toEqual([409, 'CODE_USED']);
  });

  it('answers a registered number exactly like a fresh one; only its owner learns it has an account', async () => {
    const owner = await registerProved();
    const fresh = uniqueMobile();
    const [a, b] = [await askCode(owner.mobile), await askCode(fresh)];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(strip(a.body)).toEqual(strip(b.body));
    // The owner's phone gets a notice without a code; the fresh number gets a code.
    expect(texts(owner.mobile)[0].text).toContain('已经有账号');
    expect(texts(owner.mobile)[0].text).not.toMatch(/\d{6}/);
    expect(texts(fresh)[0].text).toMatch(/注册验证码 \d{6}/);
    // Someone without the phone can only guess: a wrong code reads the same for both numbers.
    const guessOwner = await register({
      ...registerBody({ mobile: owner.mobile }),
      challengeId: a.body.challengeId,
      code: '123456',
    });
    const guessFresh = await register({
      ...registerBody({ mobile: fresh }),
      challengeId: b.body.challengeId,
      code: '123456',
    });
    expect(strip(guessOwner.body)).toEqual(strip(guessFresh.body));
    expect(guessOwner.body.code).toBe('CODE_INVALID');
  });

  it('refuses e-mail-only registration (nothing proves an address), so a taken address tells nothing', async () => {
    const email = `x${Date.now()}@example.cn`;
    const before = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    const fresh = await register(registerBody({ mobile: undefined, email }));
    expect([fresh.status, fresh.body.code]).toEqual([400, 'MOBILE_REQUIRED']);
    await t.db.query(`INSERT INTO users (name, email, password_hash) VALUES ('已有邮箱', $1, '!x')`, [
      `taken-${email}`,
    ]);
    const taken = await register(registerBody({ mobile: undefined, email: `taken-${email}` }));
    expect([taken.status, taken.body.code]).toEqual([400, 'MOBILE_REQUIRED']);
    expect(taken.body.message).toBe(fresh.body.message);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('refuses the development gateway and an opt-out in production (configuration)', async () => {
    const { loadConfig } = await import('../config/config.js');
    const secrets = {
      JWT_SECRET: 'x'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      PII_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
      CREDENTIAL_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://learn.example.gov.cn',
      SMS_HTTP_URL: 'https://sms.example.cn/send',
    };
    expect(loadConfig(secrets).registrationCodeRequired).toBe(true);
    expect(() => loadConfig({ ...secrets, REGISTRATION_CODE_REQUIRED: 'false' })).toThrow(
      /REGISTRATION_CODE_REQUIRED/,
    );
    expect(
      loadConfig({ ...secrets, NODE_ENV: 'development', SMS_GATEWAY: 'dev' }).registrationCodeRequired,
    ).toBe(false);
  });
});
