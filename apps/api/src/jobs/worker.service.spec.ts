import { describe, expect, it } from 'vitest';
import { JobName } from './job.constants.js';
import { assertOneHandlerPerJob } from './worker.service.js';

describe('assertOneHandlerPerJob', () => {
  const all = Object.fromEntries(Object.values(JobName).map((n) => [n, () => Promise.resolve()]));

  it('accepts exactly one handler per job name', () => {
    expect(() => assertOneHandlerPerJob(all)).not.toThrow();
  });

  it('names a job without a handler and a handler without a job', () => {
    expect(() => assertOneHandlerPerJob({})).toThrow(
      /missing \[welcome-notification, certificate-pdf, roster-import, prune-rate-limits, baseline-import, recompute-indicators, retry-certificate-pdfs, class-reminders, class-reminder-sms, rotate-pii-keys\]/,
    );
    expect(() => assertOneHandlerPerJob({ ...all, 'no-such-job': () => Promise.resolve() })).toThrow(
      /unknown \[no-such-job\]/,
    );
  });
});
