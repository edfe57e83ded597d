import { fail, redirect } from '@sveltejs/kit';
import { ErrorCode } from '@cll/domain';
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
const FIELD_OF_CODE: Partial<Record<string, keyof RegistrationValues>> = {
  [ErrorCode.IdNumberMismatch]: 'idNumber',
  [ErrorCode.IdNumberTaken]: 'idNumber',
  [ErrorCode.TownshipUnknown]: 'townshipCode',
  [ErrorCode.VillageUnknown]: 'villageCode',
  [ErrorCode.BirthDateInvalid]: 'birthDate',
  [ErrorCode.ContactRequired]: 'mobile',
};

export const load: PageServerLoad = async (event) => {
  if (event.locals.user) redirect(303, '/profile');
  return { townships: await loadTownshipsWithVillages(event) };
};

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = fillTownshipFromVillage(readText(form, REGISTRATION_FIELDS));
    const password = readSecret(form, 'password');
    const errors = validateRegistration(values, password, readSecret(form, 'confirmPassword'));
    if (hasErrors(errors)) return fail(400, { values, errors });

    const result = await api(event, null).POST('/api/auth/register', {
      body: toRegisterBody(values, password),
    });
    if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
    startSession(event, result.data);
    redirect(303, '/profile');
  },
} satisfies Actions;
