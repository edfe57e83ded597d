import { describe, expect, it } from 'vitest';
import { readSessionForm, type SessionValues } from './session-form.js';

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

  it('asks how many times the class meets, from 1 to 500', () => {
    expect(readSessionForm({ ...session, classCount: '' }).errors).toEqual({
      classCount: { key: 'validation.required' },
    });
    expect(readSessionForm({ ...session, classCount: '501' }).errors).toEqual({
      classCount: { key: 'validation.wholeNumberRange', params: { min: 1, max: 500 } },
    });
  });
});
