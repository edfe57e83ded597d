import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/index.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import type { RequestHandler } from './$types.js';

const ONE_YEAR = 60 * 60 * 24 * 365;

/** The header's language switch: a plain form POST, so it works without JavaScript. */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const lang = form.get('lang');
  const next = form.get('next');
  const destination = (typeof next === 'string' && safeNextPath(next)) || '/';
  if (isLocale(lang)) {
    event.cookies.set(LOCALE_COOKIE, lang, {
      path: '/',
      maxAge: ONE_YEAR,
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
    // Best effort: the account remembers the language too (for messages the API sends later).
    if (event.locals.user) await api(event).PATCH('/api/me', { body: { locale: lang } });
  }
  redirect(303, destination);
};
