import { fail } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Only text and numbers may fill a message's {placeholders}. */
function messageParams(params: unknown): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  if (typeof params !== 'object' || params === null) return result;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') result[key] = value;
  }
  return result;
}

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/me/notifications');
  if (!result.data) throwApiError(result, event.url);
  return {
    unread: result.data.unread,
    items: result.data.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      params: messageParams(item.params),
      read: item.readAt !== null,
      createdAt: item.createdAt,
    })),
  };
};

export const actions = {
  read: async (event) => {
    requireUser(event);
    const { id } = readText(await event.request.formData(), ['id']);
    if (!id) return fail(400, { values: {}, errors: { _form: { key: 'error.NOT_FOUND' } } });
    const result = await api(event).POST('/api/me/notifications/{id}/read', { params: { path: { id } } });
    if (!result.response.ok) return apiFailure(result, {});
    return { markedRead: id };
  },
} satisfies Actions;
