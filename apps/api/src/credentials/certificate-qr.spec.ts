import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@cll/domain';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completedLearner } from '../testing/credential-helpers.js';
import { buildCourse, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

// jsqr is CommonJS with a `default` export: typed as the module object under NodeNext, unwrapped by vitest.
type Decode = typeof jsqr.default;
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

const ORIGIN = 'https://learn.county.example';
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_ORIGIN: ORIGIN });
  dir = mkdtempSync(join(tmpdir(), 'cert-qr-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

/** Renders page 1 of a PDF to PNG with poppler and reads the QR code in it with jsQR. */
function decodeQr(pdf: Buffer, dpi: number, blackAndWhite: boolean): string | null {
  writeFileSync(join(dir, 'c.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
  const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
  const pixels = new Uint8ClampedArray(png.data);
  if (blackAndWhite) {
    // A photocopy: every pixel pure black or pure white.
    for (let i = 0; i < pixels.length; i += 4) {
      const v = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3 < 128 ? 0 : 255;
      pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
    }
  }
  return jsQR(pixels, png.width, png.height)?.data ?? null;
}

describe('certificate PDF on paper', () => {
  it('carries a QR code of the full verification address, readable in black and white, and the address in text', async () => {
    const providerId = await makeProvider(t);
    const staff = await makeActor(t, Role.ProviderStaff, providerId);
    const course = await buildCourse(t, staff, providerId, { title: '中式面点师（初级）' });
    const learner = await completedLearner(t.http, t, staff, course, () =>
      makeActor(t, undefined, undefined, { birthDate: '1980-02-01', name: '欧阳秀英' }),
    );
    const pdf = await waitFor(async () => {
      const res = await t.http
        .get(`/api/me/certificates/${learner.certificateId}/pdf`)
        .auth(learner.token, bearer)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      return res.status === 200 ? (res.body as Buffer) : undefined;
    });
    const address = `${ORIGIN}/verify/${learner.verificationCode}`;
    expect(decodeQr(pdf, 150, false)).toBe(address);
    expect(decodeQr(pdf, 100, true)).toBe(address);
    const text = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain(address);
    expect(text).toContain('中式面点师（初级）');

    // Following the address: the page's path holds the code the public verification answers for.
    const scanned = new URL(decodeQr(pdf, 150, false) as string);
    expect(scanned.origin).toBe(ORIGIN);
    const code = scanned.pathname.split('/').pop() as string;
    const verified = await t.http.get(`/api/verify/${code}`).expect(200);
    expect(verified.body).toMatchObject({ status: 'valid', number: learner.number, holderMasked: '欧***' });
    // A course completed, a PDF rendered by the worker and rasterised twice: 36 s on a loaded 2-core machine.
  }, 90_000);
});
