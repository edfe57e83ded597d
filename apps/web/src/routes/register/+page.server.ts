import { fail, redirect } from '@sveltejs/kit';
import { ErrorCode } from '@cll/domain';
import { checkCode, normaliseCode } from '$lib/account-form.js';
import { hasErrors } from '$lib/forms.js';
import { apiFailure } from '$lib/server/errors.js';
import { api } from '$lib/server/api.js';
import { readSecret, readText } from '$lib/server/form-data.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { startSession } from '$lib/server/session.js';
import {
  fillTownshipFromVillage,
  REGISTRATION_FIELDS,
  toRegisterBody,
  validateRegistration,
  type RegistrationValues,
} from '$lib/validation.js';
import type { Actions, PageServerLoad } from './$types.js';

/** API error codes that belong beside one field rather than in the summary. */
const FIELD_OF_CODE: Partial<Record<string, keyof RegistrationValues | 'code'>> = {
  [ErrorCode.IdNumberMismatch]: 'idNumber',
  [ErrorCode.IdNumberTaken]: 'idNumber',
  [ErrorCode.IdNumberConsentRequired]: 'idNumberConsent',
  [ErrorCode.TownshipUnknown]: 'townshipCode',
  [ErrorCode.VillageUnknown]: 'villageCode',
  [ErrorCode.BirthDateInvalid]: 'birthDate',
  [ErrorCode.ContactRequired]: 'mobile',
  [ErrorCode.CodeRequired]: 'code',
  [ErrorCode.CodeInvalid]: 'code',
  [ErrorCode.CodeExpired]: 'code',
  [ErrorCode.CodeUsed]: 'code',
  [ErrorCode.CodeAttemptsExhausted]: 'code',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The mobile whose code was just texted (from the first step), when registration needs one. */
function verifying(url: URL): { mobile: string; challengeId: string } | null {
  const mobile = url.searchParams.get('mobile') ?? '';
  const challengeId = url.searchParams.get('c') ?? '';
  return /^1\d{10}$/.test(mobile) && UUID.test(challengeId) ? { mobile, challengeId } : null;
}

export const load: PageServerLoad = async (event) => {
  if (event.locals.user) redirect(303, '/profile');
  const options = await api(event, null).GET('/api/auth/registration-options', {});
  return {
    townships: await loadTownshipsWithVillages(event),
    // When the API cannot say, ask for the code: a code the API does not need is harmless.
    codeRequired: options.data?.codeRequired ?? true,
    verify: verifying(event.url),
  };
};

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = fillTownshipFromVillage(readText(form, REGISTRATION_FIELDS));
    const password = readSecret(form, 'password');
    const errors = validateRegistration(values, password, readSecret(form, 'confirmPassword'));
    if (hasErrors(errors)) return fail(400, { values, errors });

    const proof = readText(form, ['challengeId', 'code']);
    const code = normaliseCode(proof.code);
    if (proof.challengeId) {
      checkCode(code, errors);
      if (hasErrors(errors)) return fail(400, { values, errors });
    }
    const result = await api(event, null).POST('/api/auth/register', {
      body: {
        ...toRegisterBody(values, password),
        ...(UUID.test(proof.challengeId) ? { challengeId: proof.challengeId, code } : {}),
      },
    });
    if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
    startSession(event, result.data);
    redirect(303, '/profile');
  },
} satisfies Actions;
