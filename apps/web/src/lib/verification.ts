/** Verification codes are short and printed on paper: spaces typed around them are dropped, letters made capital. */
const MAX_CODE_LENGTH = 64;

export function normaliseVerificationCode(raw: string | null | undefined): string {
  const code = (raw ?? '').replace(/\s+/g, '').toUpperCase();
  return code.length <= MAX_CODE_LENGTH ? code : '';
}
