import { Role } from '@cll/domain';
import { CompactSign, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completedLearner,
  downloadCredential,
  payloadOf,
  publishedKeys,
} from '../testing/credential-helpers.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let staff: Actor;
let course: BuiltCourse;

const complete = (name: string) =>
  completedLearner(t.http, t, staff, course, () =>
    makeActor(t, undefined, undefined, { birthDate: '1975-04-01', name }),
  );
const jwks = () => publishedKeys(t.http);
const credentialOf = (who: Actor & { certificateId: string }) => downloadCredential(t.http, who);
const upload = (credential: string) => t.http.post('/api/verify/credential').send({ credential });

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_ORIGIN: 'https://learn.county.example' });
  const providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  course = await buildCourse(t, staff, providerId);
});
afterAll(() => t?.close());

describe('bad uploads get a clear coded answer, never a 500', () => {
  it('malformed, oversized, foreign issuer, unknown key, wrong key, expired', async () => {
    const learner = await complete('孙丽娟');
    const jws = await credentialOf(learner);
    for (const junk of [
      'hello',
      '{not json',
      '{"id":5}',
      '[]',
      'null',
      'a.b.c',
      '{"credentialSubject":{}}',
    ]) {
      const res = await upload(junk);
      expect([junk, res.status, res.body.code]).toEqual([junk, 400, 'CREDENTIAL_MALFORMED']);
    }
    expect((await upload('').expect(400)).body.code).toBe('VALIDATION_FAILED');
    // Nothing visible at all is refused by the request's text policy before the verifier sees it.
    const invisible = await upload('\u200b').expect(400);
    expect([invisible.body.code, invisible.body.fields?.[0]?.code]).toEqual([
      'VALIDATION_FAILED',
      'invisibleOnly',
    ]);
    expect((await t.http.post('/api/verify/credential').send({ credential: 5 }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await upload('x'.repeat(600_000)).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload('x'.repeat(1_100_000)).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');

    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const signWith = (key: Parameters<CompactSign['sign']>[0], payload: object, kid: string) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'vc+jwt' })
        .sign(key);
    const payload = payloadOf(jws);
    const foreign = await signWith(
      stranger.privateKey,
      { ...payload, issuer: { id: 'https://other.example/issuer', type: ['Profile'], name: '别人' } },
      'x',
    );
    expect((await upload(foreign).expect(422)).body.code).toBe('CREDENTIAL_FOREIGN_ISSUER');
    const unknownKey = await signWith(stranger.privateKey, payload, 'not-our-key');
    expect((await upload(unknownKey).expect(422)).body.code).toBe('CREDENTIAL_UNKNOWN_KEY');
    const ourKid = (await jwks()).keys[0].kid as string;
    const wrongKey = await signWith(stranger.privateKey, payload, ourKid);
    expect((await upload(wrongKey).expect(422)).body.code).toBe('CREDENTIAL_BAD_SIGNATURE');

    // Signed with the platform's own key by jose (so our verifier accepts what another library signs) but expired.
    const ours = (await jwks()).keys[0];
    const platformKey = (await importJWK(
      { ...ours, d: t.config.credentialSigningKey.toString('base64url') },
      'EdDSA',
    )) as Parameters<CompactSign['sign']>[0];
    const expired = await signWith(platformKey, { ...payload, validUntil: '2020-01-01T00:00:00Z' }, ourKid);
    expect((await upload(expired).expect(200)).body.credentials[0]).toMatchObject({ status: 'expired' });
    const stillValid = await signWith(
      platformKey,
      { ...payload, validUntil: '2999-01-01T00:00:00Z' },
      ourKid,
    );
    expect((await upload(stillValid).expect(200)).body.credentials[0]).toMatchObject({ status: 'valid' });
  });

  it('status lists beyond those in use answer 404; a bad list number 400', async () => {
    expect((await t.http.get('/api/credentials/status/2').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.get('/api/credentials/status/0').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/credentials/status/abc').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
