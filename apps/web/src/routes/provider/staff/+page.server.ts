import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '$lib/forms.js';
import { readInvitationForm } from '$lib/organisation-forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo, providerIdFrom, requireProviderAdmin } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  const provider = requireProviderAdmin((await event.parent()).current);
  const result = await api(event).GET('/api/providers/{id}/staff', {
    params: { path: { id: provider.id } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    staff: result.data.staff.map((s) => ({ ...s })),
    invitations: result.data.invitations
      .filter((i) => i.acceptedAt === null)
      .map((i) => ({
        id: i.id,
        contactMasked: i.contactMasked,
        role: i.role,
        expiresAt: i.expiresAt,
        // The invitee opens this link while signed in; the site's own origin (ORIGIN) makes it absolute.
        link: `${event.url.origin}/invitations/${encodeURIComponent(i.code)}`,
      })),
  };
};

export const actions = {
  invite: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const providerId = providerIdFrom(form);
    const values = readText(form, ['contact', 'role']);
    const { errors, fields } = readInvitationForm(values);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });
    const result = await api(event).POST('/api/providers/{id}/invitations', {
      params: { path: { id: providerId } },
      body: fields,
    });
    if (!result.data) return apiFailure(result, values);
    redirect(303, backTo('/provider/staff', providerId, 'invited', `#invitation-${result.data.id}`));
  },
} satisfies Actions;
