import { townshipOf } from '@cll/domain';
import { fromShanghaiLocalInput } from './datetime.js';
import { checkMaxLength, readNumber, requireFields } from './form-rules.js';
import type { FormErrors } from './forms.js';

/** A course session's form. Times are `datetime-local` values read on a Shanghai clock. */

export const SESSION_FIELDS = [
  'label',
  'startsAt',
  'endsAt',
  'capacity',
  'classCount',
  'online',
  'townshipCode',
  'villageCode',
  'venue',
  'enrolmentOpensAt',
  'enrolmentClosesAt',
] as const;
export type SessionValues = Record<(typeof SESSION_FIELDS)[number], string>;

export interface SessionFields {
  label: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** How many times the class meets: attendance is counted against it. */
  classCount: number;
  online: boolean;
  townshipCode?: string;
  villageCode?: string;
  venue?: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
}

const TIME_FIELDS = ['startsAt', 'endsAt', 'enrolmentOpensAt', 'enrolmentClosesAt'] as const;

export function readSessionForm(raw: SessionValues): {
  values: SessionValues;
  errors: FormErrors;
  fields?: SessionFields;
} {
  // Without JavaScript every village is listed: a village tells us its township.
  const values =
    !raw.townshipCode && raw.villageCode ? { ...raw, townshipCode: townshipOf(raw.villageCode) } : raw;
  const errors: FormErrors = {};
  const online = values.online === 'true';
  requireFields(values, ['label', 'capacity', 'classCount', ...TIME_FIELDS], errors);
  if (!online) requireFields(values, ['townshipCode', 'venue'], errors);
  checkMaxLength(values.label, 100, 'label', errors);
  checkMaxLength(values.venue, 200, 'venue', errors);
  const capacity = readNumber(values.capacity, 'capacity', errors, { min: 1, max: 10_000, integer: true });
  const classCount = readNumber(values.classCount, 'classCount', errors, { min: 1, max: 500, integer: true });
  if (values.villageCode && values.townshipCode && townshipOf(values.villageCode) !== values.townshipCode) {
    errors.villageCode ??= { key: 'validation.villageMismatch' };
  }

  const times: Partial<Record<(typeof TIME_FIELDS)[number], string>> = {};
  for (const name of TIME_FIELDS) {
    if (!values[name]) continue;
    const iso = fromShanghaiLocalInput(values[name]);
    if (iso) times[name] = iso;
    else errors[name] ??= { key: 'validation.dateTime' };
  }
  const { startsAt, endsAt, enrolmentOpensAt, enrolmentClosesAt } = times;
  const at = (iso: string) => new Date(iso).getTime();
  if (startsAt && endsAt && at(endsAt) <= at(startsAt)) {
    errors.endsAt ??= { key: 'error.SESSION_ENDS_BEFORE_START' };
  }
  if (enrolmentOpensAt && enrolmentClosesAt && at(enrolmentClosesAt) <= at(enrolmentOpensAt)) {
    errors.enrolmentClosesAt ??= { key: 'validation.enrolmentClosesBeforeOpening' };
  }
  if (endsAt && enrolmentClosesAt && at(enrolmentClosesAt) > at(endsAt)) {
    errors.enrolmentClosesAt ??= { key: 'validation.enrolmentClosesAfterEnd' };
  }

  if (
    Object.keys(errors).length > 0 ||
    capacity === undefined ||
    classCount === undefined ||
    !startsAt ||
    !endsAt ||
    !enrolmentOpensAt ||
    !enrolmentClosesAt
  ) {
    return { values, errors };
  }
  return {
    values,
    errors,
    fields: {
      label: values.label,
      startsAt,
      endsAt,
      capacity,
      classCount,
      online,
      townshipCode: values.townshipCode || undefined,
      villageCode: values.villageCode || undefined,
      venue: values.venue || undefined,
      enrolmentOpensAt,
      enrolmentClosesAt,
    },
  };
}
