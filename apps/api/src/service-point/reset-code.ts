import { createHmac, randomInt } from 'node:crypto';

/** In-person reset codes: 8 digits (easy to read out and type), a day to use them, 5 tries, used once. */
export const RESET_CODE_TTL_SECONDS = 24 * 3600;
export const RESET_CODE_MAX_ATTEMPTS = 5;

export function newResetCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** Keyed with PII_HASH_KEY and bound to the account: the 10⁸ codes cannot be tried offline, nor used for another. */
export function resetCodeHash(key: Buffer | string, userId: string, code: string): string {
  return createHmac('sha256', key).update(`in-person-reset:${userId}:${code}`).digest('hex');
}
