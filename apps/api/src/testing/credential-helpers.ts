import { gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import supertest from 'supertest';
import { expect } from 'vitest';
import { createHttpApp } from '../app.factory.js';
import { JsonLogger } from '../common/json-logger.js';
import { loadConfig } from '../config/config.js';
import type { Actor, BuiltCourse } from './offer-builders.js';
import type { TestApp } from './test-app.js';

const bearer = { type: 'bearer' } as const;
type Http = ReturnType<typeof supertest>;

/**
 * Checks with `jose` (an independent, maintained JOSE library), never with the platform's own verifier: the
 * signature against the published JWKS, the algorithm and the media type.
 */
export async function verifyWithJose(jws: string, jwks: JSONWebKeySet, typ: 'vc+jwt' | 'vp+jwt' = 'vc+jwt') {
  return jwtVerify<Record<string, unknown>>(jws, createLocalJWKSet(jwks), { typ, algorithms: ['EdDSA'] });
}

export async function publishedKeys(http: Http): Promise<JSONWebKeySet> {
  return (await http.get('/api/credentials/jwks.json').expect(200)).body as JSONWebKeySet;
}

/** The learner's own credential, downloaded as a wallet file and unwrapped. */
export async function downloadCredential(
  http: Http,
  who: Actor & { certificateId: string },
): Promise<string> {
  const res = await http
    .get(`/api/me/certificates/${who.certificateId}/credential.json`)
    .auth(who.token, bearer);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/attachment/);
  return unenvelope(JSON.parse(res.text) as { id: string });
}

/** Replaces the payload of a compact JWS and keeps the old signature. */
export function tamper(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.');
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(parsed);
  return `${header}.${Buffer.from(JSON.stringify(parsed)).toString('base64url')}.${signature}`;
}

export const payloadOf = (jws: string) =>
  JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8')) as Record<string, never>;

/** The JWS inside a downloaded wallet file (an EnvelopedVerifiableCredential/-Presentation). */
export function unenvelope(file: { id: string }): string {
  const match = /^data:application\/v[cp]\+jwt,(.+)$/.exec(file.id);
  if (!match) throw new Error(`not an envelope: ${file.id.slice(0, 40)}`);
  return match[1];
}

/** A Bitstring Status List read here without the platform's code: GZIP, then bit 0 = the MSB of byte 0. */
export function statusBits(encodedList: string): { bit: (index: number) => number; size: number } {
  expect(encodedList[0]).toBe('u');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return { bit: (index) => (bytes[Math.floor(index / 8)] >> (7 - (index % 8))) & 1, size: bytes.length * 8 };
}

/** A learner who enrolled and whom staff marked completed: returns their certificate. */
export async function completedLearner(
  http: Http,
  t: TestApp,
  staff: Actor,
  course: BuiltCourse,
  makeLearner: () => Promise<Actor>,
): Promise<Actor & { certificateId: string; verificationCode: string; number: string }> {
  const learner = await makeLearner();
  const enrolment = await http
    .post('/api/enrolments')
    .auth(learner.token, bearer)
    .send({ sessionId: course.sessionId });
  if (enrolment.body.status !== 'enrolled') throw new Error(JSON.stringify(enrolment.body));
  const outcome = await http
    .post(`/api/enrolments/${enrolment.body.id}/outcome`)
    .auth(staff.token, bearer)
    .send({ outcome: 'completed', reason: '线下考核合格' });
  if (outcome.status >= 300) throw new Error(JSON.stringify(outcome.body));
  const [c]: Array<{ id: string; verification_code: string; number: string }> = await t.db.query(
    `SELECT id, verification_code, number FROM certificates WHERE enrolment_id = $1`,
    [enrolment.body.id],
  );
  return { ...learner, certificateId: c.id, verificationCode: c.verification_code, number: c.number };
}

/** A second API process on the same database and Redis, with some settings changed (a key rotation). */
export async function startSibling(
  t: TestApp,
  env: Record<string, string>,
): Promise<{ app: INestApplication; http: Http; logs: string[] }> {
  const c = t.config;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: c.databaseUrl as string,
    REDIS_URL: c.redisUrl,
    QUEUE_PREFIX: c.queuePrefix,
    JWT_SECRET: c.jwtSecret,
    PII_ENCRYPTION_KEY: c.piiEncryptionKey.toString('base64'),
    PII_HASH_KEY: c.piiHashKey.toString('base64'),
    CREDENTIAL_SIGNING_KEY: c.credentialSigningKey.toString('base64'),
    PUBLIC_ORIGIN: c.publicOrigin,
    DATABASE_POOL_SIZE: '3',
    WORKER_IN_PROCESS: 'false',
    MIGRATE_ON_START: 'false',
    ...env,
  });
  const logs: string[] = [];
  const app = await createHttpApp(config, {
    worker: false,
    logger: new JsonLogger('info', (l) => logs.push(l)),
  });
  await app.init();
  return { app, http: supertest(app.getHttpServer()), logs };
}
