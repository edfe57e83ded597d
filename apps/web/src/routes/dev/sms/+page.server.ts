import { error } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import type { PageServerLoad } from './$types.js';

/** Development only: what the development SMS gateway "sent". The API answers 404 with a real gateway. */
export const load: PageServerLoad = async (event) => {
  const result = await api(event, null).GET('/api/dev/sms', {});
  if (!result.data) error(404, { message: 'error.NOT_FOUND' });
  return { messages: result.data.slice(0, 50) };
};
