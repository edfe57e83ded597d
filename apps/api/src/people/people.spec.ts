import { Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, registerBody, TOWNSHIP_B, VILLAGE_B1 } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function registered(overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/auth/register').send(registerBody(overrides));
  expect(res.status).toBe(201);
  return {
    token: res.body.accessToken as string,
    user: res.body.user,
    refreshToken: res.body.refreshToken as string,
  };
}

/** Every text form a stored value could take in a dump of every table. */
async function dumpAllTables(): Promise<string> {
  const tables: Array<{ tablename: string }> = await t.db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await t.db.query(`SELECT * FROM "${tablename}"`);
    parts.push(
      JSON.stringify(rows, (_, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v)),
    );
  }
  return parts.join('\n');
}

describe('resident ID number privacy', () => {
  it('never stores, returns or logs the ID number in plain text', async () => {
    const idNumber = makeIdNumber('1958-03-21', Sex.Female, 41);
    const reg = await t.http.post('/api/auth/register').send(registerBody({ idNumber }));
    expect(reg.status).toBe(201);
    const me = await t.http.get('/api/me').auth(reg.body.accessToken, { type: 'bearer' });
    const patched = await t.http
      .patch('/api/me')
      .auth(reg.body.accessToken, { type: 'bearer' })
      .send({ name: '王秀英' });
    const dup = await t.http.post('/api/auth/register').send(registerBody({ idNumber }));
    expect(dup.body.code).toBe('ID_NUMBER_TAKEN');

    expect(me.body.profile.idNumberMasked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    for (const body of [reg.body, me.body, patched.body, dup.body])
      expect(JSON.stringify(body)).not.toContain(idNumber);
    expect(await dumpAllTables()).not.toContain(idNumber);
    expect(await dumpAllTables()).not.toContain(idNumber.slice(6, 14) + idNumber.slice(14)); // birth date + sequence
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(idNumber);

    const [row] = await t.db.query(`SELECT id_number_hash FROM learner_profiles WHERE user_id = $1`, [
      reg.body.user.id,
    ]);
    expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('profile', () => {
  it('lets a learner edit their profile and add an ID number later', async () => {
    const { token } = await registered({ birthDate: '1970-05-06', sex: Sex.Male });
    const res = await t.http
      .patch('/api/me')
      .auth(token, { type: 'bearer' })
      .send({
        displayMode: 'elder',
        name: '李大伯',
        townshipCode: TOWNSHIP_B,
        villageCode: VILLAGE_B1,
        attainment: 'senior_secondary',
        locale: 'en',
        idNumber: makeIdNumber('1970-05-06', Sex.Male, 5),
        idNumberConsent: true,
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '李大伯',
      locale: 'en',
      displayMode: 'elder',
      profile: { townshipCode: TOWNSHIP_B, villageName: '二村', attainment: 'senior_secondary' },
    });
    expect(res.body.profile.idNumberMasked).toMatch(/^330\*{11}\d{3}[\dX]$/);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'profile.updated' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.details.fields).toEqual(expect.arrayContaining(['name', 'townshipCode', 'idNumber']));
  });

  it('refuses a village outside the chosen township and leaves the profile unchanged', async () => {
    const { token, user } = await registered();
    const res = await t.http
      .patch('/api/me')
      .auth(token, { type: 'bearer' })
      .send({ townshipCode: TOWNSHIP_B, name: 'changed' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VILLAGE_UNKNOWN');
    const me = await t.http.get('/api/me').auth(token, { type: 'bearer' });
    expect(me.body.name).toBe(user.name);
    expect(me.body.profile.townshipCode).toBe(user.profile.townshipCode);
  });

  it('refuses role or unknown fields in a profile edit', async () => {
    const { token } = await registered();
    const res = await t.http
      .patch('/api/me')
      .auth(token, { type: 'bearer' })
      .send({ roles: ['bureau_admin'] });
    expect(res.status).toBe(400);
    expect(res.body.fields[0]).toMatchObject({ field: 'roles', code: 'unknownField' });
  });
});

describe('geo', () => {
  it('lists townships and a township’s villages without signing in', async () => {
    const townships = await t.http.get('/api/geo/townships');
    expect(townships.body.map((p: { code: string }) => p.code)).toEqual(['330799101000', '330799102000']);
    const villages = await t.http.get(`/api/geo/townships/${TOWNSHIP_B}/villages`);
    expect(villages.body).toEqual([{ code: VILLAGE_B1, name: '二村', nameEn: 'Village Two' }]);
    expect((await t.http.get('/api/geo/townships/330799109000/villages')).status).toBe(404);
    expect((await t.http.get('/api/geo/townships/abc/villages')).status).toBe(400);
    const places = await t.http.get('/api/geo/places');
    expect(places.body).toHaveLength(2);
    expect(places.body[1]).toMatchObject({
      code: TOWNSHIP_B,
      villages: [{ code: VILLAGE_B1, nameEn: 'Village Two' }],
    });
  });
});
