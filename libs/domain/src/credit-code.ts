/**
 * Unified social credit code (统一社会信用代码) of an organisation, GB 32100-2015: 18 characters from a
 * 31-character set (no I, O, S, V, Z); the last one is a MOD 31 check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(raw: string): boolean {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18 || [...value].some((c) => !CHARSET.includes(c))) return false;
  // Positions 3–8 are the registering authority's division code: digits only.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return false;
  return creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}
