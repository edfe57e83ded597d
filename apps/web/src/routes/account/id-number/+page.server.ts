import { fail } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const me = await api(event).GET('/api/me');
  if (!me.data) throwApiError(me, event.url);
  return { idNumberMasked: me.data.profile?.idNumberMasked ?? null };
};

/** Withdrawing the separate consent to the ID number: the number is erased at once (PIPL art. 15). */
export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    if (form.get('confirm') !== 'true')
      return fail(400, { values: {}, errors: { confirm: { key: 'idConsent.confirm.required' } } });
    const result = await api(event).POST('/api/me/id-number-consent/withdraw');
    if (!result.data) return apiFailure(result, {});
    return { withdrawn: result.data };
  },
} satisfies Actions;
