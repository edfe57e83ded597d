import { fail } from '@sveltejs/kit';
import { ErrorCode } from '@cll/domain';
import { hasErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { requireUser } from '$lib/server/session.js';
import {
  fillTownshipFromVillage,
  PROFILE_FIELDS,
  toProfileBody,
  validateProfileEdit,
  type ProfileValues,
} from '$lib/validation.js';
import type { Actions, PageServerLoad } from './$types.js';

const FIELD_OF_CODE: Partial<Record<string, keyof ProfileValues>> = {
  [ErrorCode.IdNumberMismatch]: 'idNumber',
  [ErrorCode.IdNumberTaken]: 'idNumber',
  [ErrorCode.IdNumberConsentRequired]: 'idNumberConsent',
  [ErrorCode.TownshipUnknown]: 'townshipCode',
  [ErrorCode.VillageUnknown]: 'villageCode',
};

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  return {
    me: {
      name: user.name,
      mobile: user.mobile,
      email: user.email,
      roles: user.roles.map((r) => r.role),
      profile: user.profile,
    },
    townships: await loadTownshipsWithVillages(event),
    // The history is a part of the page, not its condition: without it the page still lets the learner edit.
    attainment: user.profile
      ? ((await api(event).GET('/api/me/attainment')).data ?? { unavailable: true as const })
      : null,
  };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = fillTownshipFromVillage(readText(form, PROFILE_FIELDS));
    const errors = validateProfileEdit(values);
    if (hasErrors(errors)) return fail(400, { values, errors });

    const result = await api(event).PATCH('/api/me', { body: toProfileBody(values) });
    if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
    // The page and header are rendered after this action in the same request: show them the saved data.
    event.locals.user = result.data;
    return { saved: true };
  },
} satisfies Actions;
