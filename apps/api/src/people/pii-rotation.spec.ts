import { createHmac, randomBytes } from 'node:crypto';
import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { makeIdNumber, registerBody, TOWNSHIP_A, uniqueMobile, VILLAGE_A1 } from '../testing/builders.js';
import { makeActor, type Actor } from '../testing/offer-builders.js';
import { startTestApp, testSecrets, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import { PiiService } from './pii.service.js';

const bearer = { type: 'bearer' } as const;
const key = () => randomBytes(32).toString('base64');
const enc1 = key();
const enc2 = key();
const hash1 = key();
const hash2 = key();

/** What the platform held before the rotation: one key of each kind, version 1. */
const before = new PiiService(
  loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEY: enc1, PII_HASH_KEY: hash1 }),
);
/** After it, the old keys can be removed: only version 2 is left. */
const after = new PiiService(
  loadConfig({
    ...testSecrets(),
    PII_ENCRYPTION_KEY: undefined,
    PII_HASH_KEY: undefined,
    PII_ENCRYPTION_KEYS: `2:${enc2}`,
    PII_HASH_KEYS: `2:${hash2}`,
  }),
);
/** The matching hash computed a second, independent way. */
const hmac = (k: string, id: string) =>
  createHmac('sha256', Buffer.from(k, 'base64')).update(`id-number:${id}`).digest('hex');

let t: TestApp;
let admin: Actor;
let serial = 0;

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    // The single-key settings still name version 1; the lists add version 2, which now writes.
    PII_ENCRYPTION_KEY: enc1,
    PII_HASH_KEY: hash1,
    PII_ENCRYPTION_KEYS: `2:${enc2}`,
    PII_HASH_KEYS: `2:${hash2}`,
    PII_ROTATION_BATCH_SIZE: '7',
  });
  admin = await makeActor(t, Role.BureauAdmin);
});
afterAll(async () => {
  await t.close();
});

function nextIdNumber(): string {
  serial += 1;
  const birthDate = `19${50 + (serial % 40)}-0${1 + (serial % 9)}-1${serial % 10}`;
  return makeIdNumber(birthDate, serial % 2 ? Sex.Male : Sex.Female, serial);
}

function birthOf(id: string): { birthDate: string; sex: Sex } {
  const d = id.slice(6, 14);
  return {
    birthDate: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
    sex: Number(id[16]) % 2 ? Sex.Male : Sex.Female,
  };
}

/** Learners stored before the rotation, under the version-1 keys, written as the old release wrote them. */
async function seedOldRows(n: number): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < n; i += 1) {
    const idNumber = nextIdNumber();
    const { birthDate, sex } = birthOf(idNumber);
    const [user] = await t.db.query(
      `INSERT INTO users (name, mobile, password_hash) VALUES ('老学员', $1, '!seeded') RETURNING id`,
      [uniqueMobile()],
    );
    const p = before.protectIdNumber(idNumber);
    await t.db.query(
      `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment,
              employment_status, id_number_enc, id_number_hash, id_number_hash_version, id_number_masked)
       VALUES ($1, $2, $3, $4, $5, 'primary', 'retired', $6, $7, 1, $8)`,
      [user.id, birthDate, sex, TOWNSHIP_A, VILLAGE_A1, p.enc, p.hash, p.masked],
    );
    ids.set(user.id as string, idNumber);
  }
  return ids;
}

async function register(idNumber: string) {
  return t.http.post('/api/auth/register').send(registerBody({ idNumber, ...birthOf(idNumber) }));
}

interface Row {
  user_id: string;
  id_number_enc: Buffer;
  id_number_hash: string;
  id_number_hash_version: number;
}

async function rows(): Promise<Row[]> {
  return t.db.query(
    `SELECT user_id, id_number_enc, trim(id_number_hash) AS id_number_hash, id_number_hash_version
       FROM learner_profiles WHERE id_number_enc IS NOT NULL`,
  );
}

/** Each row is wholly under the old keys or wholly under the new ones, and its hash matches its own number. */
function assertWhole(row: Row, expected: string | undefined): 1 | 2 {
  const version = row.id_number_enc[0];
  expect([version, row.id_number_hash_version]).toEqual(version === 1 ? [1, 1] : [2, 2]);
  const plain = (version === 1 ? before : after).decrypt(row.id_number_enc);
  if (expected) expect(plain).toBe(expected);
  expect(row.id_number_hash).toBe(hmac(version === 1 ? hash1 : hash2, plain));
  return version as 1 | 2;
}

async function rotation(id: string) {
  const res = await t.http.get('/api/admin/pii-rotations').auth(admin.token, bearer).expect(200);
  return (
    res.body.rotations as Array<{
      id: string;
      status: string;
      done: number;
      total: number;
      error: string | null;
    }>
  ).find((r) => r.id === id);
}

describe('personal-data key rotation', () => {
  it('keeps every ID number matching through a rotation while residents keep registering', async () => {
    const old = await seedOldRows(40);
    const oldIds = [...old.values()];

    // Before the rotation, an old number is found under its old hash: registering it again is refused.
    const dup = await register(oldIds[3]);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('ID_NUMBER_TAKEN');

    // Hold a batch in the middle: the rotation must still be running while the registrations below happen.
    const sorted = [...old.keys()].sort();
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM learner_profiles WHERE user_id = $1 FOR UPDATE`, [sorted[20]]);

    const started = await t.http.post('/api/admin/pii-rotations').auth(admin.token, bearer).expect(201);
    expect(started.body).toMatchObject({
      status: 'running',
      encryptionVersion: 2,
      hashVersion: 2,
      total: 40,
    });
    await t.http.post('/api/admin/pii-rotations').auth(admin.token, bearer).expect(409);
    await waitFor(
      async () => (((await rotation(started.body.id))?.done ?? 0) >= 14 ? true : undefined),
      20_000,
    );

    const fresh = Array.from({ length: 12 }, () => nextIdNumber());
    const results = await Promise.all([
      ...fresh.map((id) => register(id)),
      // Old numbers, some already rewritten under the new hash key and some not: each is still taken.
      register(oldIds[0]),
      register(oldIds[39]),
      // The same new number twice at once: one account.
      register(fresh[0]),
    ]);
    const mid = await rotation(started.body.id);
    expect(mid?.status).toBe('running');
    expect(mid?.done).toBeLessThan(40);
    const created = results.filter((r) => r.status === 201).length;
    const refused = results.filter((r) => r.status === 409 && r.body.code === 'ID_NUMBER_TAKEN').length;
    expect([created, refused]).toEqual([12, 3]);

    await blocker.commitTransaction();
    await blocker.release();
    await waitFor(
      async () => ((await rotation(started.body.id))?.status === 'completed' ? true : undefined),
      30_000,
    );

    const all = await rows();
    expect(all).toHaveLength(40 + 12);
    for (const row of all) expect(assertWhole(row, old.get(row.user_id))).toBe(2);
    const freshStored = all
      .filter((r) => !old.has(r.user_id))
      .map((r) => after.decrypt(r.id_number_enc))
      .sort();
    expect(freshStored).toEqual([...fresh].sort());

    // After it, with the old keys gone from the configuration, every number still matches.
    for (const id of [...oldIds.slice(0, 5), ...fresh.slice(0, 3)]) {
      const [match] = await t.db.query(
        `SELECT count(*)::int AS n FROM learner_profiles WHERE id_number_hash = $1`,
        [after.hashIdNumber(id)],
      );
      expect(match.n).toBe(1);
    }
    const again = await register(oldIds[7]);
    expect(again.body.code).toBe('ID_NUMBER_TAKEN');

    const status = await t.http.get('/api/admin/pii-rotations').auth(admin.token, bearer).expect(200);
    expect(status.body).toMatchObject({
      currentEncryptionVersion: 2,
      currentHashVersion: 2,
      encryptionVersions: [2, 1],
      hashVersions: [2, 1],
      stale: 0,
      counts: [{ encryptionVersion: 2, hashVersion: 2, rows: 52 }],
    });
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('pii.rotation_started', 'pii.rotation_completed')
          AND entity_id = $1`,
      [started.body.id],
    );
    expect(audit.n).toBe(2);
  });

  it('resumes after its database session is killed mid-batch, leaving nothing half-encrypted', async () => {
    const old = await seedOldRows(30);
    const sorted = [...old.keys()].sort();
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM learner_profiles WHERE user_id = $1 FOR UPDATE`, [sorted[16]]);

    const started = await t.http.post('/api/admin/pii-rotations').auth(admin.token, bearer).expect(201);
    expect(started.body.total).toBe(30);
    // The third batch (rows 14–20) has rewritten some rows and waits on the locked one: kill its session.
    const [waiting] = await waitFor(async () => {
      const found = await t.db.query<Array<{ pid: number }>>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%FROM learner_profiles%FOR UPDATE%' AND pid <> pg_backend_pid()`,
      );
      return found.length ? found : undefined;
    });
    await t.db.query(`SELECT pg_terminate_backend($1)`, [waiting.pid]);

    // What a crash leaves: the committed batches under the new keys, the rest wholly under the old ones.
    const crashed = await rows();
    const versions = crashed.filter((r) => old.has(r.user_id)).map((r) => assertWhole(r, old.get(r.user_id)));
    expect(versions.filter((v) => v === 2)).toHaveLength(14);
    const [progress] = await t.db.query(`SELECT done, status FROM pii_rotations WHERE id = $1`, [
      started.body.id,
    ]);
    expect(progress).toEqual({ done: 14, status: 'running' });

    await blocker.commitTransaction();
    await blocker.release();
    // Bull retries the job; it starts after the last committed batch.
    await waitFor(
      async () => ((await rotation(started.body.id))?.status === 'completed' ? true : undefined),
      30_000,
    );
    const done = await rotation(started.body.id);
    expect(done?.done).toBe(30);
    for (const row of await rows()) expect(assertWhole(row, old.get(row.user_id))).toBe(2);
  });

  it('stops as failed on a row no configured key can read, changes nothing of that batch, and resumes once fixed', async () => {
    const old = await seedOldRows(20);
    const sorted = [...old.keys()].sort();
    const broken = sorted[10];
    // A row written under a key this deployment does not have (version 3).
    const [{ id_number_enc: good }] = await t.db.query(
      `SELECT id_number_enc FROM learner_profiles WHERE user_id = $1`,
      [broken],
    );
    const foreign = Buffer.from(good as Buffer);
    foreign[0] = 3;
    await t.db.query(`UPDATE learner_profiles SET id_number_enc = $2 WHERE user_id = $1`, [broken, foreign]);

    const started = await t.http.post('/api/admin/pii-rotations').auth(admin.token, bearer).expect(201);
    const failed = await waitFor(async () => {
      const r = await rotation(started.body.id);
      return r?.status === 'failed' ? r : undefined;
    }, 30_000);
    expect(failed.error).toContain(broken);
    expect(failed.done).toBe(7);
    // Its batch (rows 7–13) was rolled back whole; later rows were never touched.
    const stopped = (await rows()).filter((r) => old.has(r.user_id) && r.user_id !== broken);
    const byVersion = stopped.map((r) => [sorted.indexOf(r.user_id), assertWhole(r, old.get(r.user_id))]);
    expect(
      byVersion
        .filter(([, v]) => v === 2)
        .map(([i]) => i)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);

    await t.http
      .post(`/api/admin/pii-rotations/${started.body.id}/resume`)
      .auth((await makeActor(t, Role.BureauAnalyst)).token, bearer)
      .expect(403);
    // The operator puts the right key back (here: the row as it was) and resumes.
    await t.db.query(`UPDATE learner_profiles SET id_number_enc = $2 WHERE user_id = $1`, [broken, good]);
    const resumed = await t.http
      .post(`/api/admin/pii-rotations/${started.body.id}/resume`)
      .auth(admin.token, bearer)
      .expect(200);
    expect(resumed.body.status).toBe('running');
    await waitFor(
      async () => ((await rotation(started.body.id))?.status === 'completed' ? true : undefined),
      30_000,
    );
    for (const row of await rows()) expect(assertWhole(row, old.get(row.user_id))).toBe(2);
    const again = await t.http
      .post(`/api/admin/pii-rotations/${started.body.id}/resume`)
      .auth(admin.token, bearer)
      .expect(409);
    expect(again.body.code).toBe('PII_ROTATION_STATE_INVALID');
  });
});
