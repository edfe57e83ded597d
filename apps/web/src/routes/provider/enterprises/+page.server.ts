import { ErrorCode, Role } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '$lib/forms.js';
import { ENTERPRISE_FIELDS, readEnterpriseForm } from '$lib/organisation-forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownships } from '$lib/server/geo.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Who may register an enterprise; others with access to the list only see it. The API checks both. */
const CREATOR_ROLES: readonly string[] = [Role.ProviderAdmin, Role.BureauAdmin];

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const [enterprises, townships] = await Promise.all([
    api(event).GET('/api/enterprises', { params: { query: { q: q || undefined } } }),
    loadTownships(event),
  ]);
  if (!enterprises.data) throwApiError(enterprises, event.url);
  return {
    q,
    townships,
    canCreate: user.roles.some((r) => CREATOR_ROLES.includes(r.role)),
    enterprises: enterprises.data.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      industry: e.industry,
      townshipName: e.townshipName,
    })),
  };
};

export const actions = {
  create: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ENTERPRISE_FIELDS);
    const { errors, fields } = readEnterpriseForm(values);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });
    const result = await api(event).POST('/api/enterprises', { body: fields });
    if (!result.data) {
      return apiFailure(result, values, {
        [ErrorCode.EnterpriseExists]: 'creditCode',
        [ErrorCode.TownshipUnknown]: 'townshipCode',
      });
    }
    const provider = event.url.searchParams.get('provider');
    const params = new URLSearchParams({
      done: 'enterpriseCreated',
      q: result.data.creditCode ?? result.data.name,
    });
    if (provider) params.set('provider', provider);
    redirect(303, `/provider/enterprises?${params.toString()}`);
  },
} satisfies Actions;
