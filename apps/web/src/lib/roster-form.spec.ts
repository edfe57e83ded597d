import { describe, expect, it } from 'vitest';
import type { FormErrors } from './forms.js';
import { checkMobile, isCalendarDate, readPresentIds, readRosterCsv } from './roster-form.js';

const A = '0b8f0f5e-5b9a-4c83-9a2a-1f0d2b3c4d5e';
const B = '1c9e1a6f-6cab-4d94-8b3b-2e1f3c4d5e6f';

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2026-03-01')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('readPresentIds', () => {
  it('keeps each ticked enrolment once and drops anything that is not an id', () => {
    const form = new FormData();
    for (const value of [A, B, A, 'on', '']) form.append('present', value);
    expect(readPresentIds(form)).toEqual([A, B]);
  });
});

describe('checkMobile', () => {
  it('asks for an 11-digit mobile number', () => {
    const errors: FormErrors = {};
    checkMobile('', 'mobile', errors);
    expect(errors.mobile).toEqual({ key: 'validation.required' });
    checkMobile('1380000', 'mobile', errors);
    expect(errors.mobile).toEqual({ key: 'validation.isMobilePhone' });
    const none: FormErrors = {};
    checkMobile('13800000001', 'mobile', none);
    expect(none).toEqual({});
  });
});

describe('readRosterCsv', () => {
  it('prefers a chosen file to the text box and drops its byte-order mark', async () => {
    const form = new FormData();
    form.set('csv', 'mobile,name\n13800000009,李四');
    form.set(
      'csvFile',
      new File(['\uFEFFmobile,name\n13800000001,王秀兰\n'], 'list.csv', { type: 'text/csv' }),
    );
    expect(await readRosterCsv(form)).toEqual({ csv: 'mobile,name\n13800000001,王秀兰', errors: {} });
  });

  it('reads the text box when no file was chosen, and asks for one or the other', async () => {
    const form = new FormData();
    form.set('csv', '  mobile,name\n13800000009,李四 ');
    form.set('csvFile', new File([], ''));
    expect((await readRosterCsv(form)).csv).toBe('mobile,name\n13800000009,李四');
    expect((await readRosterCsv(new FormData())).errors.csv).toEqual({ key: 'roster.csv.required' });
  });
});
