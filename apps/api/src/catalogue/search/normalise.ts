/**
 * One normal form for what residents type and for what is indexed (the SQL function cll_search_normalize in the
 * SearchWords migration does the same in PostgreSQL): NFKC (full-width letters and digits become ASCII, compatibility
 * ideographs become the common ones), invisible characters removed (zero-width spaces and joiners, soft hyphens,
 * direction marks, the byte-order mark), lower case.
 */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

export function normaliseText(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** CJK ideographs as the index knows them (CJK Extension A and the Unified Ideographs block). */
export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

export type Run = { kind: 'cjk'; text: string } | { kind: 'latin'; words: string[] };

/**
 * Splits a normalised query into runs: ideograph runs, and runs of Latin words (letters and digits) that stood next
 * to each other separated only by spaces or hyphens, so "smart phone" and "e-commerce" can also be tried joined.
 */
export function toRuns(normalised: string): Run[] {
  const runs: Run[] = [];
  const re = /([\u3400-\u4dbf\u4e00-\u9fff]+)|([a-z0-9]+)|([\s\-_'’.·]+)|(.)/gu;
  let latin: string[] | null = null;
  for (const m of normalised.matchAll(re)) {
    if (m[1]) {
      latin = null;
      runs.push({ kind: 'cjk', text: m[1] });
    } else if (m[2]) {
      if (!latin) {
        latin = [];
        runs.push({ kind: 'latin', words: latin });
      }
      latin.push(m[2]);
    } else if (m[4]) {
      latin = null;
    }
  }
  return runs;
}
