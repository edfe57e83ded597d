import { redirect } from '@sveltejs/kit';
import { DISPLAY_COOKIE, isDisplayMode } from '$lib/display.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import type { RequestHandler } from './$types.js';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * The elder-mode switch (长辈版 / 标准版): a plain form POST, so it works without JavaScript.
 * Remembered on this device (cookie) and, when signed in, in the account for every other device.
 */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const mode = form.get('mode');
  const next = form.get('next');
  const destination = (typeof next === 'string' && safeNextPath(next)) || '/';
  if (isDisplayMode(mode)) {
    event.cookies.set(DISPLAY_COOKIE, mode, {
      path: '/',
      maxAge: ONE_YEAR,
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
    if (event.locals.user) await api(event).PATCH('/api/me', { body: { displayMode: mode } });
  }
  redirect(303, destination);
};
