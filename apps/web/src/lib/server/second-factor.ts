import { ErrorCode, Role } from '@cll/domain';
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { normaliseCode } from '$lib/account-form.js';
import type { FormErrors } from '$lib/forms.js';
import { api } from './api.js';
import { errorMessage, readApiError, type ApiResult } from './errors.js';

/** Set when a sign-in answered that the session still needs the authenticator; cleared once it passed. */
export const FACTOR_COOKIE = 'cll_2fa';

/** Where a session that has not passed its second factor may go (everything else is sent to finish it). */
const OPEN_PATHS = ['/login/totp', '/account/security/enrol', '/logout', '/lang', '/display'];

export type FactorStep = 'none' | 'code' | 'enrol';

/**
 * What the signed-in session still needs before staff pages work: asks the API only for accounts with a staff
 * role, or after a sign-in that said so (a learner who chose to set up the app).
 */
export async function pendingFactor(event: RequestEvent): Promise<FactorStep> {
  const user = event.locals.user;
  if (!user) return 'none';
  const learner: string = Role.Learner;
  const staff = user.roles.some((r) => r.role !== learner);
  if (!staff && !event.cookies.get(FACTOR_COOKIE)) return 'none';
  const { data } = await api(event).GET('/api/auth/mfa');
  if (!data || data.verified) {
    if (data) event.cookies.delete(FACTOR_COOKIE, { path: '/' });
    return 'none';
  }
  if (data.enrolled) return 'code';
  return data.required ? 'enrol' : 'none';
}

/** The page a pending session is sent to, or null when this path may be shown. */
export function factorRedirect(step: FactorStep, url: URL): string | null {
  if (step === 'none' || OPEN_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) {
    return null;
  }
  const next = encodeURIComponent(url.pathname + url.search);
  return step === 'code' ? `/login/totp?next=${next}` : `/account/security/enrol?next=${next}`;
}

export function rememberFactorStep(event: RequestEvent, step: FactorStep): void {
  if (step === 'none') return;
  event.cookies.set(FACTOR_COOKIE, '1', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
  });
}

/** The answer a step-up form sends back to its page: the dialog opens, keeping what the user had entered. */
export interface StepUpFailure<V extends object> {
  values: V;
  errors: FormErrors;
  stepUp: true;
}

/**
 * The step-up round trip of a form action. When the form carries `stepUpCode` (typed in the dialog), the code is
 * checked first; then `call` runs. If the API still answers STEP_UP_REQUIRED, the page opens the dialog, and the
 * dialog posts the same form again with the code: the user types the code once and the action goes through.
 */
export async function withStepUp<V extends object, T extends ApiResult>(
  event: RequestEvent,
  form: FormData,
  values: V,
  call: () => Promise<T>,
): Promise<{ result: T } | ActionFailure<StepUpFailure<V>>> {
  const raw = form.get('stepUpCode');
  if (typeof raw === 'string' && raw.trim()) {
    const code = normaliseCode(raw);
    const verified = await api(event).POST('/api/auth/mfa/verify', { body: { code } });
    if (!verified.data) {
      const apiError = readApiError(verified);
      return fail(apiError.status === 429 ? 429 : 400, {
        values,
        errors: { stepUpCode: errorMessage(apiError) },
        stepUp: true as const,
      });
    }
  }
  const result = await call();
  if (!('data' in result && result.data !== undefined)) {
    const apiError = readApiError(result);
    if (apiError.code === ErrorCode.StepUpRequired) {
      const errors: FormErrors = {};
      return fail(403, { values, errors, stepUp: true as const });
    }
  }
  return { result };
}
