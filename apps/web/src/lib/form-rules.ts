import type { FormErrors } from './forms.js';
import { isOneOf } from './validation.js';

/** Small checks shared by the provider and bureau forms; each puts at most one message beside a field. */

export function requireFields(
  values: Record<string, string>,
  names: readonly string[],
  errors: FormErrors,
): void {
  for (const name of names) if (!values[name]) errors[name] ??= { key: 'validation.required' };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters as a person sees them (grapheme clusters), as the API counts its limits: an emoji family, a flag, a
 * letter with its accent each count one, as does a Chinese character.
 */
export function characterCount(value: string): number {
  let n = 0;
  for (const _ of graphemes.segment(value)) n += 1;
  return n;
}

export function checkMaxLength(value: string, max: number, name: string, errors: FormErrors): void {
  if (characterCount(value) > max) errors[name] ??= { key: 'validation.maxLengthOf', params: { max } };
}

/** For a field that is filled in: between `min` and `max` characters a person sees (see characterCount). */
export function checkLength(value: string, min: number, max: number, name: string, errors: FormErrors): void {
  const length = characterCount(value);
  if (value && (length < min || length > max))
    errors[name] ??= { key: 'validation.lengthBetween', params: { min, max } };
}

export function checkChoice(
  value: string,
  allowed: readonly string[],
  name: string,
  errors: FormErrors,
): void {
  if (value && !isOneOf(allowed, value)) errors[name] ??= { key: 'validation.isEnum' };
}

/**
 * Reads a number typed into a form ('' → undefined). Full-width digits (from Chinese input methods) are accepted.
 * Out of range or not a number → an error beside the field and undefined.
 */
export function readNumber(
  raw: string,
  name: string,
  errors: FormErrors,
  range: { min: number; max: number; integer?: boolean; decimals?: number },
): number | undefined {
  if (!raw) return undefined;
  const normalised = raw.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const value = Number(normalised);
  const { min, max, integer = false, decimals } = range;
  if (
    !/^-?\d+(\.\d+)?$/.test(normalised) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    const key = integer ? 'validation.wholeNumberRange' : 'validation.numberRange';
    errors[name] ??= { key, params: { min, max } };
    return undefined;
  }
  if (decimals !== undefined && (normalised.split('.')[1] ?? '').length > decimals) {
    errors[name] ??= { key: 'validation.decimals', params: { decimals } };
    return undefined;
  }
  return value;
}

/** A value that validation has already checked against its list; failing here is a programming error. */
export function checkedChoice<T extends string>(allowed: readonly T[], value: string): T {
  if (!isOneOf(allowed, value)) throw new Error(`Unvalidated choice: ${value}`);
  return value;
}

/**
 * A reason given to a provider (rejecting, suspending, unpublishing): 2–500 characters. An approval may carry an
 * optional note, up to 500.
 */
export function checkReason(reason: string, required: boolean, errors: FormErrors): void {
  if (!reason) {
    if (required) errors.reason = { key: 'validation.required' };
    return;
  }
  checkLength(reason, required ? 2 : 1, 500, 'reason', errors);
}
