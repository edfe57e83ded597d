import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * W3C Bitstring Status List: 131,072 bits per list (the specification's minimum, so one revoked bit does not single
 * out a small group), bit 0 the left-most bit of the first byte, GZIP-compressed and multibase base64url-encoded
 * (prefix "u").
 */
export const STATUS_LIST_SIZE = 131_072;

/** Where certificate number `statusIndex` sits: which list (1-based, as published) and which bit in it. */
export function statusPosition(statusIndex: number): { list: number; bit: number } {
  return { list: Math.floor(statusIndex / STATUS_LIST_SIZE) + 1, bit: statusIndex % STATUS_LIST_SIZE };
}

export function encodeStatusList(setBits: Iterable<number>): string {
  const bytes = Buffer.alloc(STATUS_LIST_SIZE / 8);
  for (const bit of setBits) {
    if (!Number.isInteger(bit) || bit < 0 || bit >= STATUS_LIST_SIZE) throw new RangeError(`bit ${bit}`);
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The bit at `index` of an encoded list; throws on anything that is not a list of the right size. */
export function readStatusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('not multibase base64url');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (bytes.length * 8 < STATUS_LIST_SIZE || index < 0 || index >= bytes.length * 8) {
    throw new RangeError('status list too short');
  }
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}
