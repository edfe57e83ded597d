/**
 * One text policy for everything people type into the platform (names, titles, reasons, descriptions…), applied to
 * every request body in one place (request-policy.ts):
 * - NUL and unpaired UTF-16 surrogates are refused (PostgreSQL cannot store the first; the second is no character);
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused: they make a name read
 *   differently from what is stored ("Trojan source"), and nobody types them;
 * - a value that is not empty but has nothing visible once invisible characters are removed is refused;
 * - text is stored in Unicode normalisation form C (NFC), so the same name typed on two phones matches.
 * Search queries are normalised instead, never refused (catalogue/search).
 */

// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** White space, format characters (zero-width space and joiners, BOM…) and other default-ignorable code points. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export type TextProblem = 'nul' | 'loneSurrogate' | 'bidiControl' | 'invisibleOnly';

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  nul: 'must not contain a NUL character',
  loneSurrogate: 'contains a broken character (an unpaired UTF-16 surrogate)',
  bidiControl: 'must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)',
  invisibleOnly: 'must contain visible text, not only spaces or invisible characters',
};

/** What is wrong with a piece of text under the policy, or null. */
export function textProblem(value: string): TextProblem | null {
  if (NUL.test(value)) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'loneSurrogate';
  if (BIDI_CONTROL.test(value)) return 'bidiControl';
  if (value.length > 0 && value.replace(INVISIBLE, '') === '') return 'invisibleOnly';
  return null;
}

/** Only what can never be stored or shown (for query and path values, which are looked up, not stored). */
export function unstorableText(value: string): TextProblem | null {
  if (NUL.test(value)) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'loneSurrogate';
  return null;
}
