import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordService } from '../auth/password.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_PASSWORD, DEMO_TOWNSHIPS } from './demo-county.js';
import { seedDemoData } from './demo-seed.js';
import { DEMO_SERVICE_POINT, demoManagedIdNumber } from './service-point-seed.js';

let t: TestApp;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  // The seed stores the demo ID number protected only when the PII keys are in the environment, as `npm start` has.
  const config = t.app.get<AppConfig>(APP_CONFIG);
  process.env.PII_HASH_KEY = config.piiHashKey.toString('base64');
  process.env.PII_ENCRYPTION_KEY = config.piiEncryptionKey.toString('base64');
  expect(await seedDemoData(t.db, new PasswordService())).toBe(true);
}, 120_000);
afterAll(async () => {
  delete process.env.PII_HASH_KEY;
  delete process.env.PII_ENCRYPTION_KEY;
  await t?.close();
});

const login = (loginName: string, password: string) =>
  t.http.post('/api/auth/login').send({ login: loginName, password });

describe('the demo service point', () => {
  it('has a designated staff member who resets the demo managed account in person, and its proxy', async () => {
    const staff = await login(DEMO_SERVICE_POINT.staff.mobile, DEMO_PASSWORD);
    expect(staff.status).toBe(200);
    expect(staff.body.user.servicePoints).toEqual([DEMO_TOWNSHIPS[0].code]);
    const issued = await t.http
      .post('/api/service-points/reset-codes')
      .auth(staff.body.accessToken, bearer)
      .send({
        townshipCode: DEMO_TOWNSHIPS[0].code,
        documentType: 'household_register',
        idNumber: demoManagedIdNumber(),
      });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.login).toBe(DEMO_SERVICE_POINT.managed.accountNumber);
    const reset = await t.http.post('/api/auth/in-person-reset').send({
      login: DEMO_SERVICE_POINT.managed.accountNumber,
      code: issued.body.code,
      newPassword: 'Qian-daye-1948x',
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.user).toMatchObject({ name: '钱大爷', managed: true, mobile: null });
    const theirs = await t.http.get('/api/proxy/relationships').auth(reset.body.accessToken, bearer);
    expect(theirs.body).toEqual([
      expect.objectContaining({ side: 'resident', confirmedVia: 'in_person', otherName: '王秀兰' }),
    ]);
  });
});
