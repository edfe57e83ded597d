import { createHmac } from 'node:crypto';

/**
 * RFC 6238 computed in the tests with node:crypto (a second implementation, independent of the `otpauth` library
 * the API uses), so every staff sign-in in the tests passes the real check. No test-app imports: the end-to-end
 * support uses it too.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

export const stepAt = (ms = Date.now()) => Math.floor(ms / 30_000);

/** The 6-digit code of `secret` for time step `step` (RFC 4226 dynamic truncation over HMAC-SHA-1). */
export function totpCode(secret: string, step = stepAt()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/** The last step each secret was used for in this test process: the API refuses a step twice (replay). */
const lastStep = new Map<string, number>();

/**
 * A code the API will accept now: the current step, or the next one (the API accepts ±1 step) when the current one
 * was used already; waits for the next step only when both are used.
 */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = stepAt();
    const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
    // Keep a margin: a step ending within a second may be past by the time the API checks it.
    const msLeftInStep = 30_000 - (Date.now() % 30_000);
    if (step === now && msLeftInStep < 1500) {
      await new Promise((r) => setTimeout(r, msLeftInStep + 50));
      continue;
    }
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, msLeftInStep + 50));
  }
}
