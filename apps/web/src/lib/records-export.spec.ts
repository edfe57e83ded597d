import { describe, expect, it } from 'vitest';
import { readRecordsExport } from './records-export.js';

const P = '0b8f0f5e-5b9a-4c83-9a2a-1f0d2b3c4d5e';
const C = '1c9e1a6f-6cab-4d94-8b3b-2e1f3c4d5e6f';
const read = (query: string) => readRecordsExport(new URLSearchParams(query));

describe('readRecordsExport', () => {
  it('reads the school and leaves empty filters out', () => {
    expect(read(`provider=${P}&from=&to=&course=`)).toEqual({
      providerId: P,
      query: { from: undefined, to: undefined, courseId: undefined },
    });
  });

  it('passes completion dates and a course on', () => {
    expect(read(`provider=${P}&from=2026-01-01&to=2026-06-30&course=${C}`)).toEqual({
      providerId: P,
      query: { from: '2026-01-01', to: '2026-06-30', courseId: C },
    });
  });

  it('refuses what the form cannot send: no school, a non-date, an end before the start, a bad course', () => {
    expect(read('from=2026-01-01')).toBeNull();
    expect(read(`provider=${P}&from=2026-02-30`)).toBeNull();
    expect(read(`provider=${P}&from=2026-06-01&to=2026-01-01`)).toBeNull();
    expect(read(`provider=${P}&course=abc`)).toBeNull();
  });
});
