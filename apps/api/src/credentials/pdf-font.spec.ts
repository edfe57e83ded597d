import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { registerBody } from '../testing/builders.js';
import {
  buildCourse,
  makeActor,
  makeProvider,
  type Actor,
  type BuiltCourse,
} from '../testing/offer-builders.js';
import { startTestApp, testSecrets, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import { forgetPdfFontStatus } from './pdf-font.js';

/**
 * A machine without a font with Chinese glyphs: said loudly at start and by /health, shown to the learner with the
 * reason, refused with a coded 503 instead of a 500, and every waiting certificate made once the font is there.
 */
const bearer = { type: 'bearer' } as const;
const REAL_FONT = loadConfig({ ...testSecrets(), DATABASE_URL: 'postgres://x@127.0.0.1/x' }).cjkFontPath;
let t: TestApp;
let staff: Actor;
let course: BuiltCourse;
let fontPath: string;
let learner: Actor;

beforeAll(async () => {
  fontPath = join(mkdtempSync(join(tmpdir(), 'cll-font-')), 'NotoSansCJK-Regular.ttc');
  forgetPdfFontStatus();
  t = await startTestApp({ CJK_FONT_PATH: fontPath, PDF_RETRY_EVERY_MS: '1000' });
  const provider = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, provider);
  course = await buildCourse(t, staff, provider);
});
afterAll(async () => {
  forgetPdfFontStatus();
  await t?.close();
});

async function completedLearner(): Promise<Actor> {
  const learner = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01', name: '王秀兰' });
  const enrolment = await t.http
    .post('/api/enrolments')
    .auth(learner.token, bearer)
    .send({ sessionId: course.sessionId });
  expect(enrolment.body.status).toBe('enrolled');
  const outcome = await t.http
    .post(`/api/enrolments/${enrolment.body.id}/outcome`)
    .auth(staff.token, bearer)
    .send({ outcome: 'completed', reason: '线下考核合格' });
  expect(outcome.status).toBe(204);
  return learner;
}

describe('certificate and record PDFs without a Chinese font', () => {
  it('says so at start, in /health and to the learner, then makes every waiting PDF once the font is installed', async () => {
    expect(t.logs.some((l) => l.includes('certificate and record PDFs cannot be made'))).toBe(true);
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.pdfFont.status).toBe('down');
    expect(health.body.pdfFont.reason).toContain('fonts-noto-cjk');

    learner = await completedLearner();
    const waiting = await waitFor(async () => {
      const res = await t.http.get('/api/me/certificates').auth(learner.token, bearer);
      return res.body[0]?.pdfProblem === 'font_missing' ? res.body[0] : undefined;
    });
    expect(waiting).toMatchObject({ pdfReady: false, pdfProblem: 'font_missing' });
    const pdf = await t.http.get(`/api/me/certificates/${waiting.id}/pdf`).auth(learner.token, bearer);
    expect([pdf.status, pdf.body.code]).toEqual([503, 'PDF_FONT_MISSING']);
    const record = await t.http.get('/api/me/record/export.pdf').auth(learner.token, bearer);
    expect([record.status, record.body.code]).toEqual([503, 'PDF_FONT_MISSING']);

    // The operator installs the font; nothing is restarted.
    symlinkSync(REAL_FONT, fontPath);
    forgetPdfFontStatus();
    const made = await waitFor(async () => {
      const res = await t.http.get('/api/me/certificates').auth(learner.token, bearer);
      return res.body[0]?.pdfReady ? res.body[0] : undefined;
    }, 30_000);
    expect(made.pdfProblem).toBeNull();
    const after = await t.http.get(`/api/me/certificates/${waiting.id}/pdf`).auth(learner.token, bearer);
    expect(after.status).toBe(200);
    expect(after.headers['content-type']).toContain('application/pdf');
    expect((await t.http.get('/api/me/record/export.pdf').auth(learner.token, bearer)).status).toBe(200);
    expect((await t.http.get('/health')).body).toMatchObject({ status: 'ok', pdfFont: { status: 'up' } });
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM certificates WHERE learner_user_id = $1 AND pdf IS NOT NULL) AS pdfs,
              (SELECT count(*)::int FROM notifications WHERE user_id = $1 AND kind = 'certificate_ready') AS ready`,
      [learner.id],
    );
    expect(counts).toEqual({ pdfs: 1, ready: 1 });
  }, 60_000);
});

describe("dates in the county's time zone", () => {
  it('prints the county date on a record exported at 23:30 UTC (07:30 the next morning in the county)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T23:30:00Z') });
    try {
      // Signed in at that moment, so the access token is current for it.
      const signedIn = await t.http
        .post('/api/auth/login')
        .send({ login: learner.mobile, password: registerBody().password });
      expect(signedIn.status).toBe(200);
      const res = await t.http
        .get('/api/me/record/export.pdf')
        .auth(signedIn.body.accessToken as string, bearer)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const file = join(mkdtempSync(join(tmpdir(), 'cll-record-')), 'r.pdf');
      writeFileSync(file, res.body as Buffer);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('导出日期：2026-12-05');
      expect(text).not.toContain('2026-12-04');
    } finally {
      vi.useRealTimers();
    }
  });
});
