import { scheduleProblem, townshipOf } from '@cll/domain';
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
  'address',
  'classWeekdays',
  'classStartTime',
  'classEndTime',
  'feeKind',
  'feeYuan',
  'contactPhone',
  'enrolmentOpensAt',
  'enrolmentClosesAt',
] as const;
export type SessionValues = Record<(typeof SESSION_FIELDS)[number], string>;

export interface SessionFields {
  label: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** How many times the class meets: attendance is counted against it. Not given: the pattern's class dates. */
  classCount?: number;
  online: boolean;
  townshipCode?: string;
  villageCode?: string;
  venue?: string;
  /** '' clears a stored address. */
  address: string;
  classWeekdays?: number[];
  classStartTime?: string;
  classEndTime?: string;
  feeFen: number;
  /** '' clears a stored phone. */
  contactPhone: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
}

const TIME_FIELDS = ['startsAt', 'endsAt', 'enrolmentOpensAt', 'enrolmentClosesAt'] as const;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The API's rule: a mobile (13812345678) or a landline with its area code (0571-12345678), optionally -extension. */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const MAX_FEE_YUAN = 1_000_000;

/** The ticked class days of the form (several checkboxes of one name), as the comma list the values keep. */
export function weekdaysValue(form: FormData): string {
  return form
    .getAll('classWeekdays')
    .filter((v): v is string => typeof v === 'string' && /^[1-7]$/.test(v))
    .sort()
    .join(',');
}

/** Full-width digits and dashes as typed on a Chinese keyboard, spaces dropped. */
function halfWidth(raw: string): string {
  return raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[\s\u3000]/g, '');
}

/** Class days and times: none of them (the API takes the start's weekday and times) or a pattern that meets. */
function readPattern(
  values: SessionValues,
  errors: FormErrors,
): Pick<SessionFields, 'classWeekdays' | 'classStartTime' | 'classEndTime'> {
  const weekdays = values.classWeekdays ? values.classWeekdays.split(',').map(Number) : [];
  const { classStartTime: start, classEndTime: end } = values;
  for (const [name, value] of [
    ['classStartTime', start],
    ['classEndTime', end],
  ] as const) {
    if (value && !HH_MM.test(value)) errors[name] ??= { key: 'validation.time' };
  }
  if ((start || end) && !(start && end)) {
    errors[start ? 'classEndTime' : 'classStartTime'] ??= { key: 'validation.required' };
  }
  if (start && end && HH_MM.test(start) && HH_MM.test(end) && end <= start) {
    errors.classEndTime ??= { key: 'validation.classEndsBeforeStart' };
  }
  const firstDate = values.startsAt.slice(0, 10);
  const lastDate = values.endsAt.slice(0, 10);
  if (weekdays.length && /^\d{4}-\d{2}-\d{2}$/.test(firstDate) && /^\d{4}-\d{2}-\d{2}$/.test(lastDate)) {
    const problem = scheduleProblem({ weekdays, startTime: '00:00', endTime: '23:59', firstDate, lastDate });
    if (problem === 'no_class_date') errors.classWeekdays ??= { key: 'validation.noClassDate' };
  }
  return {
    ...(weekdays.length ? { classWeekdays: weekdays } : {}),
    ...(start && end ? { classStartTime: start, classEndTime: end } : {}),
  };
}

/** Free, or an amount in yuan with at most two decimals. */
function readFee(values: SessionValues, errors: FormErrors): number | undefined {
  if (values.feeKind !== 'paid') return 0;
  if (!values.feeYuan) {
    errors.feeYuan ??= { key: 'validation.feeRequired' };
    return undefined;
  }
  const yuan = readNumber(values.feeYuan, 'feeYuan', errors, { min: 0.01, max: MAX_FEE_YUAN, decimals: 2 });
  return yuan === undefined ? undefined : Math.round(yuan * 100);
}

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
  requireFields(values, ['label', 'capacity', ...TIME_FIELDS], errors);
  if (!online) requireFields(values, ['townshipCode', 'venue'], errors);
  checkMaxLength(values.label, 100, 'label', errors);
  checkMaxLength(values.venue, 200, 'venue', errors);
  checkMaxLength(values.address, 200, 'address', errors);
  const pattern = readPattern(values, errors);
  const feeFen = readFee(values, errors);
  const contactPhone = halfWidth(values.contactPhone);
  if (contactPhone && !CONTACT_PHONE_PATTERN.test(contactPhone)) {
    errors.contactPhone ??= { key: 'validation.contactPhone' };
  }
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
    feeFen === undefined ||
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
      ...(classCount === undefined ? {} : { classCount }),
      online,
      townshipCode: values.townshipCode || undefined,
      villageCode: values.villageCode || undefined,
      venue: values.venue || undefined,
      address: values.address,
      ...pattern,
      feeFen,
      contactPhone,
      enrolmentOpensAt,
      enrolmentClosesAt,
    },
  };
}

/** A stored fee in fen as the form shows it in yuan: 12000 → "120", 3550 → "35.50". */
export function feeYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
