import { describe, expect, it } from 'vitest';
import { feeYuan, readSessionForm, type SessionValues } from './session-form.js';

const session: SessionValues = {
  label: '春季班',
  startsAt: '2026-03-02T09:00',
  endsAt: '2026-03-02T11:30',
  capacity: '30',
  classCount: '8',
  online: '',
  townshipCode: '',
  villageCode: '330782101201',
  venue: '文化站二楼',
  address: '',
  classWeekdays: '',
  classStartTime: '',
  classEndTime: '',
  feeKind: 'free',
  feeYuan: '',
  contactPhone: '',
  enrolmentOpensAt: '2026-02-01T08:00',
  enrolmentClosesAt: '2026-03-01T18:00',
};

describe('session form', () => {
  it('reads the times on a Shanghai clock and takes the township from the village', () => {
    const { fields, errors } = readSessionForm(session);
    expect(errors).toEqual({});
    expect(fields).toEqual({
      label: '春季班',
      startsAt: '2026-03-02T09:00:00+08:00',
      endsAt: '2026-03-02T11:30:00+08:00',
      capacity: 30,
      classCount: 8,
      online: false,
      townshipCode: '330782101000',
      villageCode: '330782101201',
      venue: '文化站二楼',
      address: '',
      feeFen: 0,
      contactPhone: '',
      enrolmentOpensAt: '2026-02-01T08:00:00+08:00',
      enrolmentClosesAt: '2026-03-01T18:00:00+08:00',
    });
  });

  it('needs a place for a session on site, not online', () => {
    const onSite = readSessionForm({ ...session, villageCode: '', venue: '' });
    expect(onSite.errors).toEqual({
      townshipCode: { key: 'validation.required' },
      venue: { key: 'validation.required' },
    });
    expect(readSessionForm({ ...session, villageCode: '', venue: '', online: 'true' }).errors).toEqual({});
  });

  it('refuses an end before the start and an enrolment window that does not fit', () => {
    expect(
      readSessionForm({ ...session, endsAt: '2026-03-02T08:00', enrolmentClosesAt: '2026-01-01T00:00' })
        .errors,
    ).toEqual({
      endsAt: { key: 'error.SESSION_ENDS_BEFORE_START' },
      enrolmentClosesAt: { key: 'validation.enrolmentClosesBeforeOpening' },
    });
    expect(readSessionForm({ ...session, enrolmentClosesAt: '2026-03-03T00:00' }).errors).toEqual({
      enrolmentClosesAt: { key: 'validation.enrolmentClosesAfterEnd' },
    });
  });

  it('checks the capacity, the dates and that the village lies in the township', () => {
    expect(
      readSessionForm({
        ...session,
        capacity: '0',
        startsAt: '2026-02-30T09:00',
        townshipCode: '330782102000',
      }).errors,
    ).toEqual({
      capacity: { key: 'validation.wholeNumberRange', params: { min: 1, max: 10000 } },
      villageCode: { key: 'validation.villageMismatch' },
      startsAt: { key: 'validation.dateTime' },
    });
  });

  it('asks how many times the class meets, from 1 to 500, or leaves it to the class days', () => {
    const { fields, errors } = readSessionForm({ ...session, classCount: '' });
    expect(errors).toEqual({});
    expect(fields && 'classCount' in fields).toBe(false);
    expect(readSessionForm({ ...session, classCount: '501' }).errors).toEqual({
      classCount: { key: 'validation.wholeNumberRange', params: { min: 1, max: 500 } },
    });
  });

  // 2026-03-02 is a Monday; the session below runs to Sunday 2026-03-29.
  const weeks = { ...session, endsAt: '2026-03-29T11:30', enrolmentClosesAt: '2026-03-01T18:00' };

  it('sends the class days, times, address, fee in fen and contact phone', () => {
    const { fields, errors } = readSessionForm({
      ...weeks,
      classCount: '',
      classWeekdays: '2,4',
      classStartTime: '09:00',
      classEndTime: '11:00',
      address: '溪口镇人民路 12 号',
      feeKind: 'paid',
      feeYuan: '３５.５',
      contactPhone: '０５７１－１２３４５６７８',
    });
    expect(errors).toEqual({});
    expect(fields).toMatchObject({
      classWeekdays: [2, 4],
      classStartTime: '09:00',
      classEndTime: '11:00',
      address: '溪口镇人民路 12 号',
      feeFen: 3550,
      contactPhone: '0571-12345678',
    });
    // Free whatever amount is left in the field; no pattern sends none (the API takes the start's).
    const free = readSessionForm({ ...weeks, feeKind: 'free', feeYuan: '80' }).fields;
    expect(free?.feeFen).toBe(0);
    expect(free && ['classWeekdays', 'classStartTime', 'classEndTime'].some((k) => k in free)).toBe(false);
  });

  it.each([
    [{ classStartTime: '9点', classEndTime: '11:00' }, { classStartTime: { key: 'validation.time' } }],
    [{ classStartTime: '09:00' }, { classEndTime: { key: 'validation.required' } }],
    [{ classEndTime: '11:00' }, { classStartTime: { key: 'validation.required' } }],
    [
      { classStartTime: '11:00', classEndTime: '09:00' },
      { classEndTime: { key: 'validation.classEndsBeforeStart' } },
    ],
    [{ feeKind: 'paid' }, { feeYuan: { key: 'validation.feeRequired' } }],
    [
      { feeKind: 'paid', feeYuan: '0' },
      { feeYuan: { key: 'validation.numberRange', params: { min: 0.01, max: 1_000_000 } } },
    ],
    [
      { feeKind: 'paid', feeYuan: '12.345' },
      { feeYuan: { key: 'validation.decimals', params: { decimals: 2 } } },
    ],
    [{ contactPhone: '12345' }, { contactPhone: { key: 'validation.contactPhone' } }],
    [{ contactPhone: '0571-1234' }, { contactPhone: { key: 'validation.contactPhone' } }],
    [{ address: '路'.repeat(201) }, { address: { key: 'validation.maxLengthOf', params: { max: 200 } } }],
  ])('refuses %j with a message', (change, expected) => {
    const { errors, fields } = readSessionForm({ ...weeks, ...change });
    expect(errors).toEqual(expected);
    expect(fields).toBeUndefined();
  });

  it('refuses class days that never fall between the first and last date', () => {
    // Tuesday 2026-03-03 to Saturday 2026-03-07: no Monday in between; Wednesday is.
    const short = { ...session, startsAt: '2026-03-03T09:00', endsAt: '2026-03-07T11:00' };
    expect(
      readSessionForm({ ...short, enrolmentClosesAt: '2026-03-02T18:00', classWeekdays: '1' }).errors,
    ).toEqual({
      classWeekdays: { key: 'validation.noClassDate' },
    });
    expect(
      readSessionForm({ ...short, enrolmentClosesAt: '2026-03-02T18:00', classWeekdays: '3' }).errors,
    ).toEqual({});
  });

  it('shows a stored fee in yuan', () => {
    expect([feeYuan(12000), feeYuan(3550), feeYuan(1)]).toEqual(['120', '35.50', '0.01']);
  });
});
