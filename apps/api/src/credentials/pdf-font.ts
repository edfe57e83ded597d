import { existsSync } from 'node:fs';
import { renderPdf, type PdfFont } from './pdf.js';

export type PdfFontStatus = { ok: true } | { ok: false; reason: string };

/** What to do about a missing font, in the words an operator needs (also logged at start and shown by /health). */
export function pdfFontAdvice(path: string): string {
  return (
    `Certificate and record PDFs need a font with Chinese glyphs, and none could be used at ${path}. ` +
    'Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk; macOS: brew install --cask font-noto-sans-cjk) ' +
    'or set CJK_FONT_PATH (and CJK_FONT_FAMILY for a .ttc collection) to a font that has them.'
  );
}

const RECHECK_MS = 30_000;
let cached: { key: string; status: PdfFontStatus; at: number } | undefined;

/**
 * Whether PDFs can be made: the font file exists and a page with Chinese text renders with it. A good answer is
 * kept; a bad one is checked again after 30 s, so installing the font is noticed without a restart.
 */
export async function pdfFontStatus(font: PdfFont, now = Date.now()): Promise<PdfFontStatus> {
  const key = `${font.path}\u0000${font.family}`;
  if (cached?.key === key && (cached.status.ok || now - cached.at < RECHECK_MS)) return cached.status;
  let status: PdfFontStatus;
  if (!existsSync(font.path)) status = { ok: false, reason: pdfFontAdvice(font.path) };
  else {
    try {
      await renderPdf(font, (doc) => doc.text('结业证书 查验'));
      status = { ok: true };
    } catch (error) {
      status = {
        ok: false,
        reason: `${pdfFontAdvice(font.path)} (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  cached = { key, status, at: now };
  return status;
}

/** For tests that install or remove a font while the process runs. */
export function forgetPdfFontStatus(): void {
  cached = undefined;
}
