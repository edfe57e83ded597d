/**
 * What people type or paste to check a certificate: the short code printed on it (spaces dropped, letters made
 * capital), or the whole address its QR code holds (`https://…/verify/CODE`), from which the code is taken.
 */
const MAX_CODE_LENGTH = 64;
const MAX_INPUT_LENGTH = 300;
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]+/g;

export function normaliseVerificationCode(raw: string | null | undefined): string {
  const input = (raw ?? '').trim();
  if (input.length > MAX_INPUT_LENGTH) return '';
  const fromAddress = /\/verify\/([^/?#\s]+)/.exec(input);
  const code = (fromAddress ? fromAddress[1] : input).replace(INVISIBLE, '').toUpperCase();
  return code.length <= MAX_CODE_LENGTH ? code : '';
}
