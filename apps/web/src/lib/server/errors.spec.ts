import { describe, expect, it } from 'vitest';
import { errorMessage, fieldMessage, formErrorsFrom, readApiError } from './errors.js';

function result(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { error: body, response: new Response(null, { status, headers }) };
}

describe('API errors in forms', () => {
  it('puts each field constraint beside its field', () => {
    const apiError = readApiError(
      result(400, {
        code: 'VALIDATION_FAILED',
        message: 'x',
        requestId: 'r1',
        fields: [
          { field: 'mobile', code: 'isMobilePhone', message: 'm' },
          { field: 'idNumber', code: 'ID_NUMBER_INVALID', message: 'm' },
        ],
      }),
    );
    expect(formErrorsFrom(apiError)).toEqual({
      mobile: { key: 'validation.isMobilePhone' },
      idNumber: { key: 'validation.ID_NUMBER_INVALID' },
    });
  });

  it('puts a mapped error code beside its field and others in the summary', () => {
    expect(
      formErrorsFrom(readApiError(result(409, { code: 'ID_NUMBER_TAKEN' })), { ID_NUMBER_TAKEN: 'idNumber' }),
    ).toEqual({
      idNumber: { key: 'error.ID_NUMBER_TAKEN' },
    });
    expect(formErrorsFrom(readApiError(result(401, { code: 'AUTH_INVALID_CREDENTIALS' })))).toEqual({
      _form: { key: 'error.AUTH_INVALID_CREDENTIALS' },
    });
  });

  it('does not repeat in the summary an error the API placed beside a field', () => {
    const apiError = readApiError(
      result(409, {
        code: 'ACCOUNT_EXISTS',
        fields: [{ field: 'mobile', code: 'ACCOUNT_EXISTS', message: 'm' }],
      }),
    );
    expect(formErrorsFrom(apiError)).toEqual({ mobile: { key: 'error.ACCOUNT_EXISTS' } });
  });

  it('tells a rate-limited user how many minutes to wait, from the body or the Retry-After header', () => {
    expect(errorMessage(readApiError(result(429, { code: 'RATE_LIMITED', retryAfterSeconds: 61 })))).toEqual({
      key: 'error.RATE_LIMITED.retryIn',
      params: { minutes: 2 },
    });
    expect(
      errorMessage(readApiError(result(429, { code: 'RATE_LIMITED' }, { 'retry-after': '30' }))),
    ).toEqual({
      key: 'error.RATE_LIMITED.retryIn',
      params: { minutes: 1 },
    });
    expect(errorMessage(readApiError(result(429, { code: 'RATE_LIMITED' })))).toEqual({
      key: 'error.RATE_LIMITED',
    });
  });

  it('reads the reasons a course cannot be published, with the session they concern', () => {
    const apiError = readApiError(
      result(422, {
        code: 'COURSE_NOT_PUBLISHABLE',
        problems: [
          { code: 'NO_LESSON_OR_SESSION', message: 'm' },
          { code: 'SESSION_CAPACITY_INVALID', message: 'm', sessionId: 's1' },
          'junk',
        ],
      }),
    );
    expect(apiError.problems).toEqual([
      { code: 'NO_LESSON_OR_SESSION', sessionId: undefined, lessonId: undefined },
      { code: 'SESSION_CAPACITY_INVALID', sessionId: 's1', lessonId: undefined },
    ]);
  });

  it('falls back to generic messages for unknown codes and bodies', () => {
    expect(errorMessage(readApiError(result(502, 'Bad gateway')))).toEqual({ key: 'error.INTERNAL' });
    expect(errorMessage(readApiError(result(418, { code: 'TEAPOT' })))).toEqual({ key: 'error.UNKNOWN' });
    expect(fieldMessage('isUUID')).toEqual({ key: 'validation.invalid' });
  });
});
