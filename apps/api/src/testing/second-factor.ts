import { freshCode } from './totp-code.js';
import type { TestApp } from './test-app.js';

/** Test side of the second factor: enrolment and code entry through the API, as staff would do them. */
export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
}

/** Sets up an authenticator for the token's account through the API, as a staff member would. */
export async function enrolSecondFactor(t: TestApp, token: string): Promise<Enrolled> {
  const bearer = { type: 'bearer' } as const;
  const started = await t.http.post('/api/auth/mfa/enrolment').auth(token, bearer).send({});
  if (started.status !== 201) throw new Error(`enrolment failed: ${JSON.stringify(started.body)}`);
  const secret = started.body.secret as string;
  const confirmed = await t.http
    .post('/api/auth/mfa/enrolment/confirm')
    .auth(token, bearer)
    .send({ code: await freshCode(secret) });
  if (confirmed.status !== 200)
    throw new Error(`enrolment confirm failed: ${JSON.stringify(confirmed.body)}`);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

/** Enters a fresh code on the token's session (finishes a sign-in, or steps up). */
export async function enterCode(t: TestApp, token: string, secret: string): Promise<void> {
  const res = await t.http
    .post('/api/auth/mfa/verify')
    .auth(token, { type: 'bearer' })
    .send({ code: await freshCode(secret) });
  if (res.status !== 200) throw new Error(`code refused: ${JSON.stringify(res.body)}`);
}

export { freshCode, stepAt, totpCode } from './totp-code.js';
