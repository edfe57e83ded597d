import { randomBytes, randomInt } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJws, Ed25519Signer } from './jws.js';
import { encodeStatusList, readStatusBit, STATUS_LIST_SIZE, statusPosition } from './status-list.js';

describe('the signing key', () => {
  it('names itself by its RFC 7638 thumbprint and signs what jose verifies, for many keys', async () => {
    for (let i = 0; i < 20; i++) {
      const signer = new Ed25519Signer(randomBytes(32));
      expect(signer.kid).toBe(await calculateJwkThumbprint(signer.publicJwk, 'sha256'));
      const payload = { n: i, text: '结业证书 ✓', nested: { list: [1, 2, 3] } };
      const jws = signer.sign(payload, { typ: 'vc+jwt' });
      const { payload: bytes, protectedHeader } = await compactVerify(jws, await importJWK(signer.publicJwk));
      expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(payload);
      expect(protectedHeader).toEqual({ typ: 'vc+jwt', alg: 'EdDSA', kid: signer.kid });
      expect(decodeJws(jws)?.payload).toEqual(payload);
    }
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => new Ed25519Signer(randomBytes(31))).toThrow(/32 bytes/);
  });
});

describe('the Bitstring Status List', () => {
  it('sets exactly the revoked bits, left-most first, for random sets including the first and last bit', () => {
    for (let round = 0; round < 10; round++) {
      const set = new Set<number>([0, STATUS_LIST_SIZE - 1]);
      for (let i = 0; i < randomInt(1, 300); i++) set.add(randomInt(STATUS_LIST_SIZE));
      const encoded = encodeStatusList(set);
      expect(encoded[0]).toBe('u');
      // Read a second, simpler way: every byte as eight characters of '0'/'1'.
      const bits = [...gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))]
        .map((b) => b.toString(2).padStart(8, '0'))
        .join('');
      expect(bits).toHaveLength(STATUS_LIST_SIZE);
      const ones = [...bits].flatMap((c, i) => (c === '1' ? [i] : []));
      expect(ones).toEqual([...set].sort((a, b) => a - b));
      for (const probe of [...set].slice(0, 5)) expect(readStatusBit(encoded, probe)).toBe(true);
      expect(readStatusBit(encoded, 1)).toBe(set.has(1));
    }
  });

  it('places certificate numbers in lists of 131,072', () => {
    expect(statusPosition(0)).toEqual({ list: 1, bit: 0 });
    expect(statusPosition(STATUS_LIST_SIZE - 1)).toEqual({ list: 1, bit: STATUS_LIST_SIZE - 1 });
    expect(statusPosition(STATUS_LIST_SIZE)).toEqual({ list: 2, bit: 0 });
    expect(() => encodeStatusList([STATUS_LIST_SIZE])).toThrow(RangeError);
  });
});
