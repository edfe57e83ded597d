/**
 * Resident identity number (公民身份号码) checks per GB 11643-1999:
 * 6-digit division code, 8-digit birth date, 3-digit sequence (odd = male), check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'check_character';

export interface ParsedIdNumber {
  /** Normalised form: 18 characters, upper-case X. */
  value: string;
  divisionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
}

export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Returns the parsed number, or the first problem found. */
export function parseIdNumber(raw: string): ParsedIdNumber | { problem: IdNumberProblem } {
  const value = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid =
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    date.getTime() <= Date.now();
  if (!valid) return { problem: 'birth_date' };
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) return { problem: 'check_character' };
  return {
    value,
    divisionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(raw: string): boolean {
  return !('problem' in parseIdNumber(raw));
}
