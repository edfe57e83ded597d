import { redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { clearSessionCookies, REFRESH_COOKIE } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

// Logging out changes state, so it is a POST only; a GET (a stray link) just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions = {
  default: async (event) => {
    const refreshToken = event.cookies.get(REFRESH_COOKIE);
    if (event.locals.accessToken) {
      // Best effort: the cookies are cleared whatever the API answers.
      await api(event).POST('/api/auth/logout', { body: { refreshToken } });
    }
    clearSessionCookies(event.cookies, event.url);
    event.locals.user = null;
    event.locals.accessToken = null;
    redirect(303, '/');
  },
} satisfies Actions;
