import { ErrorCode } from '@cll/domain';
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { FORM_ERROR, type FormErrors, type FormFailure } from '../forms.js';
import { hasMessage, type Message } from '../i18n/index.js';

/** The result shape shared by every openapi-fetch call. */
export interface ApiResult {
  error?: unknown;
  response: Response;
}

export interface ApiError {
  status: number;
  /** Null when the body carries no code this version knows. */
  code: ErrorCode | null;
  requestId?: string;
  fields: Array<{ field: string; code: string }>;
  retryAfterSeconds?: number;
  /** With COURSE_NOT_PUBLISHABLE: each reason, and the session or lesson it concerns. */
  problems: PublishProblemEntry[];
}

export interface PublishProblemEntry {
  code: string;
  sessionId?: string;
  lessonId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const KNOWN_CODES = new Set<unknown>(Object.values(ErrorCode));

function toErrorCode(value: unknown): ErrorCode | null {
  // The set holds exactly the enum's values, so the membership test makes the narrowing safe.
  return KNOWN_CODES.has(value) ? (value as ErrorCode) : null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads the API's `{ code, message, requestId, fields? }` body; tolerates a missing or foreign body. */
export function readApiError({ error: body, response }: ApiResult): ApiError {
  const status = response.status;
  const b = isRecord(body) ? body : {};
  const fields = Array.isArray(b.fields)
    ? b.fields.filter(isRecord).map((f) => ({ field: text(f.field), code: text(f.code) }))
    : [];
  const problems = Array.isArray(b.problems)
    ? b.problems.filter(isRecord).map((p) => ({
        code: text(p.code),
        sessionId: text(p.sessionId) || undefined,
        lessonId: text(p.lessonId) || undefined,
      }))
    : [];
  const header = Number(response.headers.get('retry-after'));
  const retryAfterSeconds =
    typeof b.retryAfterSeconds === 'number'
      ? b.retryAfterSeconds
      : Number.isFinite(header) && header > 0
        ? header
        : undefined;
  return {
    status,
    code: toErrorCode(b.code) ?? (status >= 500 ? ErrorCode.Internal : null),
    requestId: typeof b.requestId === 'string' ? b.requestId : undefined,
    fields,
    retryAfterSeconds,
    problems,
  };
}

/** The message for a whole-request error code, e.g. `error.AUTH_INVALID_CREDENTIALS`. */
export function errorMessage(apiError: ApiError): Message {
  if (apiError.code === ErrorCode.RateLimited && apiError.retryAfterSeconds !== undefined) {
    return {
      key: 'error.RATE_LIMITED.retryIn',
      params: { minutes: Math.max(1, Math.ceil(apiError.retryAfterSeconds / 60)) },
    };
  }
  const key = `error.${apiError.code ?? 'UNKNOWN'}`;
  return { key: hasMessage(key) ? key : 'error.UNKNOWN' };
}

/** The message for a field constraint (`isMobilePhone`, `minLength`, `ID_NUMBER_INVALID`…). */
export function fieldMessage(code: string): Message {
  for (const key of [`validation.${code}`, `error.${code}`]) if (hasMessage(key)) return { key };
  return { key: 'validation.invalid' };
}

/**
 * Turns an API error into form errors: each `fields[]` entry goes beside its field (its code is a constraint name like
 * `isMobilePhone` or an error code like `ID_NUMBER_TAKEN`); an error without fields goes beside the field named in
 * `fieldOfCode` or, failing that, into the form summary.
 */
export function formErrorsFrom(
  apiError: ApiError,
  fieldOfCode: Partial<Record<string, string>> = {},
): FormErrors {
  const errors: FormErrors = {};
  for (const { field, code } of apiError.fields) errors[field || FORM_ERROR] ??= fieldMessage(code);
  // When the API names the fields, their messages say it all; otherwise the code goes beside its field or on top.
  if (apiError.fields.length === 0) {
    errors[(apiError.code && fieldOfCode[apiError.code]) || FORM_ERROR] = errorMessage(apiError);
  }
  return errors;
}

export function failStatus(status: number): number {
  return status >= 400 && status <= 599 ? status : 500;
}

/** The one way a form action reports an API error back to its page. */
export function apiFailure<V extends object>(
  result: ApiResult,
  values: V,
  fieldOfCode?: Partial<Record<string, string>>,
): ActionFailure<FormFailure<V>> {
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), { values, errors: formErrorsFrom(apiError, fieldOfCode) });
}

/** The one way a load reports an API error: a lost session goes back to login, anything else to +error. */
export function throwApiError(result: ApiResult, url: URL): never {
  const apiError = readApiError(result);
  if (apiError.code === ErrorCode.AuthRequired || apiError.code === ErrorCode.AuthTokenInvalid) {
    redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const { key } = errorMessage(apiError);
  error(failStatus(apiError.status), {
    message: key,
    code: apiError.code ?? undefined,
    requestId: apiError.requestId,
  });
}

/**
 * Some refusals are worded for the learner themself ("your age…"). When staff or a family member enrol someone
 * else, the same code reads `forLearner.<CODE>` ("the learner's age…") where such a message exists.
 */
export function aboutTheLearner(errors: FormErrors): FormErrors {
  const reworded: FormErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = message.key.replace(/^error\./, 'forLearner.');
    reworded[field] = key !== message.key && hasMessage(key) ? { ...message, key } : message;
  }
  return reworded;
}

/** `apiFailure` for a form that enrols someone else: refusals name "the learner", not "you". */
export function apiFailureForLearner<V extends object>(
  result: ApiResult,
  values: V,
  fieldOfCode?: Partial<Record<string, string>>,
): ActionFailure<FormFailure<V>> {
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), {
    values,
    errors: aboutTheLearner(formErrorsFrom(apiError, fieldOfCode)),
  });
}
