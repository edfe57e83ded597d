import { createHmac, randomBytes } from 'node:crypto';
import { Role } from '@cll/domain';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { startSibling } from '../testing/credential-helpers.js';
import { type Actor, makeActor } from '../testing/offer-builders.js';
import { freshCode } from '../testing/second-factor.js';
import { startTestApp, testSecrets, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import { PiiService } from './pii.service.js';

const bearer = { type: 'bearer' } as const;
const key = () => randomBytes(32).toString('base64');
const enc1 = key();
const enc2 = key();
const hash1 = key();
const hash2 = key();
const before = new PiiService(
  loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEY: enc1, PII_HASH_KEY: hash1 }),
);
const after = new PiiService(
  loadConfig({
    ...testSecrets(),
    PII_ENCRYPTION_KEY: undefined,
    PII_HASH_KEY: undefined,
    PII_ENCRYPTION_KEYS: `2:${enc2}`,
    PII_HASH_KEYS: `2:${hash2}`,
  }),
);

let t: TestApp;
let admin: Actor;
let sibling: INestApplication | undefined;

beforeAll(async () => {
  t = await startTestApp({
    PII_ENCRYPTION_KEY: enc1,
    PII_HASH_KEY: hash1,
    PII_ENCRYPTION_KEYS: `2:${enc2}`,
    PII_HASH_KEYS: `2:${hash2}`,
    PII_ROTATION_BATCH_SIZE: '4',
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
  });
  admin = await makeActor(t, Role.BureauAdmin);
});
afterAll(async () => {
  await sibling?.close();
  await t.close();
});

/** Each secret decrypts, under the key its first byte names, to the secret the staff member's app holds. */
async function secrets(): Promise<Array<{ user_id: string; secret_enc: Buffer }>> {
  return t.db.query(`SELECT user_id, secret_enc FROM user_totp ORDER BY user_id`);
}

describe('key rotation and authenticator secrets', () => {
  it('re-encrypts them in resumable batches; with the old key removed, staff still pass their second factor', async () => {
    const staff: Actor[] = [];
    for (let i = 0; i < 10; i += 1) staff.push(await makeActor(t, Role.BureauAnalyst));
    const plain = new Map<string, string>(staff.map((s) => [s.id, s.totpSecret as string]));
    plain.set(admin.id, admin.totpSecret as string);
    // As the old release stored them: under encryption key version 1.
    for (const [userId, secret] of plain)
      await t.db.query(`UPDATE user_totp SET secret_enc = $2 WHERE user_id = $1`, [
        userId,
        before.encrypt(secret),
      ]);
    expect((await secrets()).map((r) => r.secret_enc[0])).toEqual(Array(11).fill(1));

    // Hold one row of the second batch so the run is caught mid-batch, then kill its database session.
    const order = (await secrets()).map((r) => r.user_id);
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM user_totp WHERE user_id = $1 FOR UPDATE`, [order[5]]);
    const started = await t.http.post('/api/admin/pii-rotations').auth(admin.token, bearer).expect(201);
    expect(started.body.total).toBe(11);
    const [waiting] = await waitFor(async () => {
      const found = await t.db.query<Array<{ pid: number }>>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%FROM user_totp%FOR UPDATE%' AND pid <> pg_backend_pid()`,
      );
      return found.length ? found : undefined;
    });
    await t.db.query(`SELECT pg_terminate_backend($1)`, [waiting.pid]);
    // Nothing half-encrypted: the first batch under version 2, the rest wholly under version 1.
    const crashed = await secrets();
    for (const row of crashed)
      expect((row.secret_enc[0] === 1 ? before : after).decrypt(row.secret_enc)).toBe(plain.get(row.user_id));
    expect(crashed.filter((r) => r.secret_enc[0] === 2)).toHaveLength(4);
    await blocker.commitTransaction();
    await blocker.release();

    await waitFor(async () => {
      const res = await t.http.get('/api/admin/pii-rotations').auth(admin.token, bearer).expect(200);
      const run = (res.body.rotations as Array<{ id: string; status: string; done: number }>).find(
        (r) => r.id === started.body.id,
      );
      return run?.status === 'completed' ? run : undefined;
    }, 30_000);
    for (const row of await secrets()) {
      expect(row.secret_enc[0]).toBe(2);
      expect(after.decrypt(row.secret_enc)).toBe(plain.get(row.user_id));
    }

    // A process configured with version 2 only: the staff member signs in and passes the code.
    const only2 = await startSibling(t, {
      PII_ENCRYPTION_KEY: undefined as unknown as string,
      PII_HASH_KEY: undefined as unknown as string,
      PII_ENCRYPTION_KEYS: `2:${enc2}`,
      PII_HASH_KEYS: `2:${hash2}`,
    });
    sibling = only2.app;
    const who = staff[5];
    const login = await only2.http
      .post('/api/auth/login')
      .send({ login: who.mobile, password: 'Learn2026ok' })
      .expect(200);
    expect(login.body.secondFactor).toBe('code');
    await only2.http.get('/api/indicators/periods').auth(login.body.accessToken, bearer).expect(403);
    await only2.http
      .post('/api/auth/mfa/verify')
      .auth(login.body.accessToken, bearer)
      .send({ code: await freshCode(who.totpSecret as string) })
      .expect(200);
    await only2.http.get('/api/indicators/periods').auth(login.body.accessToken, bearer).expect(200);
  });

  it('accepts a recovery code given before a new hash key was added (kept under the old key)', async () => {
    const who = await makeActor(t, Role.BureauAnalyst);
    const oldHash = createHmac('sha256', Buffer.from(hash1, 'base64'))
      .update(`mfa-recovery:${who.id}:K7QX29MHTD`)
      .digest('hex');
    await t.db.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [
      who.id,
      oldHash,
    ]);
    const login = await t.http
      .post('/api/auth/login')
      .send({ login: who.mobile, password: 'Learn2026ok' })
      .expect(200);
    const use = () =>
      t.http
        .post('/api/auth/mfa/verify')
        .auth(login.body.accessToken, bearer)
        .send({ recoveryCode: 'k7qx2-9mhtd' });
    await use().expect(200);
    const again = await use();
    expect([again.status, again.body.code]).toEqual([409, 'MFA_CODE_USED']);
  });
});
