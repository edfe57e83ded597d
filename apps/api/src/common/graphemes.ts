import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Length limits counted in characters a person sees (extended grapheme clusters, Unicode UAX #29), not in UTF-16
 * units: "👨‍👩‍👧" (five code points, eight UTF-16 units), "é" written as e + U+0301, a flag, a CJK character each count 1.
 * A name of 50 such characters fits a limit of 50, as the person typing it expects.
 *
 * One cluster can be made of any number of code points (a letter with 500 combining marks is one cluster), so each
 * limit also bounds the code points: by default ten per allowed character, which every emoji sequence fits (the
 * longest standard ones, a kiss or a couple with two skin tones, are 10). Free-text columns are `text`; where a column
 * counts characters in the database (a CHECK on char_length, which counts code points), pass `maxCodePoints` equal to
 * that limit so a valid request can never break it.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person sees them (grapheme clusters). */
export function graphemeCount(value: string): number {
  let n = 0;
  for (const _ of segmenter.segment(value)) n += 1;
  return n;
}

/** Unicode code points (what PostgreSQL's char_length counts). */
export function codePointCount(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

export const CODE_POINTS_PER_GRAPHEME = 10;

export interface GraphemeOptions extends ValidationOptions {
  /** Upper bound in code points; `CODE_POINTS_PER_GRAPHEME × max` unless given. */
  maxCodePoints?: number;
}

function fits(value: unknown, min: number, max: number, maxCodePoints: number): boolean {
  if (typeof value !== 'string') return false;
  // The UTF-16 length is at least the code points and at least the clusters: when it is within both upper bounds,
  // only a lower bound above one character still needs the clusters counted.
  const shortEnough = value.length <= max && value.length <= maxCodePoints;
  if (shortEnough && (min === 0 || (min === 1 && value.length > 0))) return true;
  if (!shortEnough && codePointCount(value) > maxCodePoints) return false;
  const n = graphemeCount(value);
  return n >= min && n <= max;
}

/**
 * Between `min` and `max` characters a person sees. Failures keep class-validator's constraint name (`isLength`),
 * so clients that show a message per constraint need no change.
 */
export function LengthGraphemes(min: number, max: number, options: GraphemeOptions = {}): PropertyDecorator {
  const { maxCodePoints = CODE_POINTS_PER_GRAPHEME * max, ...validation } = options;
  return ValidateBy(
    {
      name: 'isLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => fits(value, min, max, maxCodePoints),
        defaultMessage: () => `$property must be between ${min} and ${max} characters long`,
      },
    },
    validation,
  );
}

/** At most `max` characters a person sees (constraint name `maxLength`, as class-validator's). */
export function MaxGraphemes(max: number, options: GraphemeOptions = {}): PropertyDecorator {
  const { maxCodePoints = CODE_POINTS_PER_GRAPHEME * max, ...validation } = options;
  return ValidateBy(
    {
      name: 'maxLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => fits(value, 0, max, maxCodePoints),
        defaultMessage: () => `$property must be at most ${max} characters long`,
      },
    },
    validation,
  );
}
