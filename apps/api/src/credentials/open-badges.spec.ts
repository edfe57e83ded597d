import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAgreement, makeParties } from '../testing/apprenticeship-builders.js';
import { unauditedWrites } from '../testing/audit-coverage.js';
import {
  completedLearner,
  downloadCredential,
  payloadOf,
  publishedKeys,
  startSibling,
  statusBits,
  tamper,
  unenvelope,
  verifyWithJose,
} from '../testing/credential-helpers.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const ORIGIN = 'https://learn.county.example';
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let staff: Actor;
let providerAdmin: Actor;
let otherAdmin: Actor;
let bureauAdmin: Actor;
let course: BuiltCourse;
let providerId: string;
let sibling: Awaited<ReturnType<typeof startSibling>> | undefined;

const learnerNamed = (name: string) => () =>
  makeActor(t, undefined, undefined, { birthDate: '1975-04-01', name });
const complete = (name = '王秀兰') => completedLearner(t.http, t, staff, course, learnerNamed(name));

const jwks = (http = t.http) => publishedKeys(http);
const credentialOf = (who: Actor & { certificateId: string }, http = t.http) => downloadCredential(http, who);
const upload = (credential: string, http = t.http) =>
  http.post('/api/verify/credential').send({ credential });

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_ORIGIN: ORIGIN, RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  providerId = await makeProvider(t);
  const otherProviderId = await makeProvider(t, 'approved', '另一所学校');
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  providerAdmin = await makeActor(t, Role.ProviderAdmin, providerId);
  otherAdmin = await makeActor(t, Role.ProviderAdmin, otherProviderId);
  bureauAdmin = await makeActor(t, Role.BureauAdmin);
  course = await buildCourse(t, staff, providerId);
});
afterAll(async () => {
  // Closed last: Passport keeps one 'jwt' strategy per process, and the most recent app's is the one in use.
  await sibling?.app.close();
  await t?.close();
});

describe('signed Open Badges credentials', () => {
  it('issues an OpenBadgeCredential at completion that jose verifies with the published keys; holder hashed', async () => {
    const learner = await complete();
    const jws = await credentialOf(learner);
    const { payload, protectedHeader } = await verifyWithJose(jws, await jwks());
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(payload['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(payload).toMatchObject({
      id: `urn:uuid:${learner.certificateId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `${ORIGIN}/credentials/issuer`, type: ['Profile'] },
      name: '初级电工技能实训',
      credentialSubject: {
        type: ['AchievementSubject'],
        creditsEarned: 2,
        result: [{ value: '48' }],
        achievement: {
          id: `${ORIGIN}/courses/${course.courseId}`,
          achievementType: 'Course',
          creditsAvailable: 2,
          creator: { name: '测试职业学校' },
          alignment: [{ targetCode: '6-31-01-03' }],
        },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: `${ORIGIN}/credentials/status/1`,
      },
    });
    expect(Math.abs(Date.parse(payload.validFrom as string) - Date.now())).toBeLessThan(60_000);
    // The holder: the account id hashed with the published salt (recomputed here), and the masked name only.
    const [hashed, name] = (payload.credentialSubject as { identifier: Array<Record<string, unknown>> })
      .identifier;
    const expected = createHash('sha256')
      .update(learner.id + String(hashed.salt))
      .digest('hex');
    expect(hashed).toMatchObject({
      identityType: 'systemId',
      hashed: true,
      identityHash: `sha256$${expected}`,
    });
    expect(name).toMatchObject({ identityType: 'name', hashed: false, identityHash: '王**' });
    const text = Buffer.from(jws.split('.')[1], 'base64url').toString('utf8');
    for (const personal of ['秀兰', learner.mobile, learner.id]) expect(text).not.toContain(personal);

    // A key published at the stable address, whose id is its RFC 7638 thumbprint.
    const keys = await jwks();
    expect(keys.keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: protectedHeader.kid,
      alg: 'EdDSA',
    });
    const issuer = await t.http.get('/api/credentials/issuer').expect(200);
    expect(issuer.body.id).toBe(`${ORIGIN}/credentials/issuer`);
  });

  it('fails a tampered credential, in jose and on the verify route', async () => {
    const learner = await complete('李建国');
    const jws = await credentialOf(learner);
    const forged = tamper(jws, (p) => {
      (p.credentialSubject as { result: Array<{ value: string }> }).result[0].value = '480';
    });
    await expect(verifyWithJose(forged, await jwks())).rejects.toThrow(/signature verification failed/);
    const res = await upload(forged).expect(422);
    expect(res.body).toMatchObject({ code: 'CREDENTIAL_BAD_SIGNATURE' });
    expect(res.body.requestId).toEqual(expect.any(String));
    const ok = await upload(jws).expect(200);
    expect(ok.body.credentials[0]).toMatchObject({ status: 'valid', hours: 48, holderMasked: '李**' });
  });

  it('issue → verify → revoke → verify shows revoked → rotate the key → old credentials still verify', async () => {
    const kept = await complete('张桂英');
    const revoked = await complete('陈志强');
    const keptJws = await credentialOf(kept);
    const revokedJws = await credentialOf(revoked);
    const before = await upload(revokedJws).expect(200);
    expect(before.body).toMatchObject({
      kind: 'credential',
      credentials: [{ status: 'valid', revokedOn: null }],
    });

    const res = await t.http
      .post('/api/certificates/revocations')
      .auth(providerAdmin.token, bearer)
      .send({ number: revoked.number.toLowerCase(), reason: '  考核材料弄虚作假  ' })
      .expect(201);
    expect(res.body).toMatchObject({ number: revoked.number, reason: '考核材料弄虚作假' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    // Audited, the holder told why, the record keeps the entry marked.
    const [audit] = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'certificate.revoked' AND entity_id = $1`,
      [revoked.certificateId],
    );
    expect(audit).toMatchObject({ actor_user_id: providerAdmin.id, details: { number: revoked.number } });
    const inbox = await t.http.get('/api/me/notifications').auth(revoked.token, bearer).expect(200);
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'certificate_revoked',
          params: expect.objectContaining({ reason: '考核材料弄虚作假' }),
        }),
      ]),
    );
    const record = await t.http.get('/api/me/record').auth(revoked.token, bearer).expect(200);
    expect(record.body.entries).toEqual([expect.objectContaining({ certificateRevokedOn: today })]);

    // Every way of verifying says revoked, with the date; the signature itself stays good.
    const byCode = await t.http.get(`/api/verify/${revoked.verificationCode}`).expect(200);
    expect(byCode.body).toMatchObject({ status: 'revoked', revokedOn: today });
    const byFile = await upload(revokedJws).expect(200);
    expect(byFile.body.credentials[0]).toMatchObject({ status: 'revoked', revokedOn: today });
    expect((await upload(keptJws).expect(200)).body.credentials[0].status).toBe('valid');

    // The published status list, signed and read here without the platform's code.
    const list = await t.http.get('/api/credentials/status/1').expect(200);
    expect(list.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    const { payload: statusCredential } = await verifyWithJose(list.text, await jwks());
    const encoded = (statusCredential.credentialSubject as { encodedList: string }).encodedList;
    const bitOf = (jws: string) =>
      Number((payloadOf(jws).credentialStatus as { statusListIndex: string }).statusListIndex);
    const bits = statusBits(encoded);
    expect(bits.size).toBe(131_072);
    expect(bits.bit(bitOf(revokedJws))).toBe(1);
    expect(bits.bit(bitOf(keptJws))).toBe(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM certificates WHERE revoked_at IS NOT NULL`,
    );
    let set = 0;
    for (let i = 0; i < bits.size; i++) set += bits.bit(i);
    expect(set).toBe(n);

    // Rotation: a second API process with a new key. Both keys are published; old credentials verify in jose and
    // on the route; a new certificate is signed with the new key.
    const oldKid = (await jwks()).keys[0].kid;
    const rotated = await startSibling(t, { CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64') });
    sibling = rotated;
    {
      const published = await jwks(rotated.http);
      expect(published.keys.map((k) => k.kid)).toHaveLength(2);
      expect(published.keys[1].kid).toBe(oldKid);
      await verifyWithJose(keptJws, published);
      await verifyWithJose(revokedJws, published);
      expect((await upload(keptJws, rotated.http).expect(200)).body.credentials[0].status).toBe('valid');
      expect((await upload(revokedJws, rotated.http).expect(200)).body.credentials[0].status).toBe('revoked');
      const fresh = await completedLearner(rotated.http, t, staff, course, learnerNamed('赵丽'));
      const freshJws = await credentialOf(fresh, rotated.http);
      const { protectedHeader } = await verifyWithJose(freshJws, published);
      expect(protectedHeader.kid).toBe(published.keys[0].kid);
      expect(protectedHeader.kid).not.toBe(oldKid);
      expect(await unauditedWrites(t.db, rotated.logs)).toEqual([]);
    }
  });

  it('exports the whole record as one signed presentation whose credentials each verify', async () => {
    const learner = await complete('周美华');
    const second = await buildCourse(t, staff, providerId, { title: '家政服务员' });
    const enrol = await t.http
      .post('/api/enrolments')
      .auth(learner.token, bearer)
      .send({ sessionId: second.sessionId });
    await t.http
      .post(`/api/enrolments/${enrol.body.id}/outcome`)
      .auth(staff.token, bearer)
      .send({ outcome: 'completed', reason: '合格' })
      .expect(204);
    // A certificate from before signing existed (no stored credential) is signed when first asked for.
    await t.db.query(`UPDATE certificates SET credential_jws = NULL, signing_key_id = NULL WHERE id = $1`, [
      learner.certificateId,
    ]);
    const res = await t.http.get('/api/me/record/presentation.json').auth(learner.token, bearer).expect(200);
    const [signedNow] = await t.db.query(`SELECT signing_key_id FROM certificates WHERE id = $1`, [
      learner.certificateId,
    ]);
    expect(signedNow.signing_key_id).toEqual(expect.any(String));
    const keys = await jwks();
    const { payload, protectedHeader } = await verifyWithJose(
      unenvelope(JSON.parse(res.text)),
      keys,
      'vp+jwt',
    );
    expect(protectedHeader.typ).toBe('vp+jwt');
    expect(payload.type).toEqual(['VerifiablePresentation']);
    const inner = payload.verifiableCredential as Array<{ id: string }>;
    expect(inner).toHaveLength(2);
    const names = [];
    for (const c of inner) names.push((await verifyWithJose(unenvelope(c), keys)).payload.name);
    expect(names.sort()).toEqual(['初级电工技能实训', '家政服务员'].sort());
    const verified = await upload(res.text).expect(200);
    expect(verified.body.kind).toBe('presentation');
    expect(verified.body.credentials.map((c: { status: string }) => c.status)).toEqual(['valid', 'valid']);
  });
});

describe('apprenticeship certificates', () => {
  it('are issued as signed credentials too, with the occupation code and no credits', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p, { startDate: '2025-03-01' });
    await t.http
      .post(`/api/apprenticeships/${id}/assessments`)
      .auth(p.enterpriseMentor.token, bearer)
      .send({ kind: 'final', title: '出师考核', result: 'passed', assessedOn: '2025-11-20' })
      .expect(201);
    const [mine] = (await t.http.get('/api/me/certificates').auth(p.apprentice.token, bearer).expect(200))
      .body;
    const jws = await credentialOf({ ...p.apprentice, certificateId: mine.id });
    const { payload } = await verifyWithJose(jws, await jwks());
    expect(payload).toMatchObject({
      name: '数控技术现代学徒制（数控车工）',
      credentialSubject: {
        achievement: {
          id: `urn:uuid:${p.programmeId}`,
          achievementType: 'ApprenticeshipCertificate',
          creator: { name: '测试职业学校' },
          alignment: [{ targetCode: '6-18-01-01', targetName: '数控车工' }],
        },
        result: [{ value: '0' }],
      },
    });
    expect(payload.credentialSubject).not.toHaveProperty('creditsEarned');
    expect((await upload(jws).expect(200)).body.credentials[0]).toMatchObject({
      status: 'valid',
      holderMasked: '李**',
    });
  });
});

describe('who may revoke', () => {
  it('a provider administrator their own, a bureau administrator any; others 403/404; twice 409', async () => {
    const learner = await complete('吴小梅');
    const send = (who: Actor, body: object) =>
      t.http.post('/api/certificates/revocations').auth(who.token, bearer).send(body);
    const reason = '证书信息有误';
    expect((await send(staff, { number: learner.number, reason }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await send(learner, { number: learner.number, reason }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await send(otherAdmin, { number: learner.number, reason }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    expect((await send(bureauAdmin, { number: 'QX1999-000000', reason }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    for (const body of [
      { number: learner.number, reason: ' ' },
      { number: learner.number },
      { number: `${learner.number}\u200b`, reason },
      { number: 'QX2026-1', reason },
    ]) {
      expect((await send(bureauAdmin, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    // A bureau administrator limited to another township cannot reach this school's certificates.
    const elsewhere = await makeActor(t, Role.BureauAdmin);
    await t.db.query(
      `UPDATE role_assignments SET township_prefix = '330799102' WHERE user_id = $1 AND role = 'bureau_admin'`,
      [elsewhere.id],
    );
    expect((await send(elsewhere, { number: learner.number, reason }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await send(bureauAdmin, { number: learner.number, reason }).expect(201);
    expect((await send(providerAdmin, { number: learner.number, reason }).expect(409)).body.code).toBe(
      'CERTIFICATE_ALREADY_REVOKED',
    );
    // Two administrators at the same moment: one revocation, one 409, one audit event, one notification.
    const raced = await complete('钱芳');
    const both = await Promise.all([
      send(providerAdmin, { number: raced.number, reason: '重复发证' }),
      send(bureauAdmin, { number: raced.number, reason: '重复发证' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE action = 'certificate.revoked' AND entity_id = $1) AS audits,
              (SELECT count(*)::int FROM notifications WHERE kind = 'certificate_revoked' AND user_id = $2) AS notices`,
      [raced.certificateId, raced.id],
    );
    expect(counts).toEqual({ audits: 1, notices: 1 });

    const other = await complete('郑强');
    const stranger = await makeActor(t);
    await t.http
      .get(`/api/me/certificates/${other.certificateId}/credential.json`)
      .auth(stranger.token, bearer)
      .expect(404);
  });
});
