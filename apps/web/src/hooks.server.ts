import { ErrorCode } from '@cll/domain';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DISPLAY_COOKIE, displayModeFrom, isDisplayMode } from '$lib/display.js';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '$lib/i18n/index.js';
import { factorRedirect, pendingFactor } from '$lib/server/second-factor.js';
import { restoreSession } from '$lib/server/session.js';

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

export const handle: Handle = async ({ event, resolve }) => {
  const forwarded = event.request.headers.get('x-request-id');
  const requestId = forwarded && REQUEST_ID_PATTERN.test(forwarded) ? forwarded : crypto.randomUUID();
  const chosenLocale = event.cookies.get(LOCALE_COOKIE);
  Object.assign(event.locals, {
    requestId,
    locale: isLocale(chosenLocale) ? chosenLocale : DEFAULT_LOCALE,
    displayMode: displayModeFrom(event.cookies.get(DISPLAY_COOKIE)),
    accessToken: null,
    user: null,
    apiUnavailable: false,
  } satisfies App.Locals);

  await restoreSession(event);
  // A staff session that has not passed its second factor goes to finish it (enrol the app, or enter the code).
  const pending = factorRedirect(await pendingFactor(event), event.url);
  if (pending) {
    return new Response(null, { status: 303, headers: { location: pending, 'x-request-id': requestId } });
  }
  // Without a language cookie, a signed-in user gets the language saved in their account.
  const savedLocale = event.locals.user?.locale;
  if (!isLocale(chosenLocale) && isLocale(savedLocale)) event.locals.locale = savedLocale;
  // Likewise elder mode: a device without its own choice follows the account.
  const savedMode = event.locals.user?.displayMode;
  if (!isDisplayMode(event.cookies.get(DISPLAY_COOKIE)) && isDisplayMode(savedMode))
    event.locals.displayMode = savedMode;

  // A changed privacy notice is agreed to before anything else (PIPL art. 14): page loads go to it first.
  if (mustReadNoticeFirst(event)) {
    const next = encodeURIComponent(event.url.pathname + event.url.search);
    return new Response(null, { status: 303, headers: { location: `/privacy/accept?next=${next}` } });
  }

  const response = await resolve(event, {
    // Set on <html> in the server's HTML, so elder mode's large type shows from the first paint.
    transformPageChunk: ({ html }) =>
      html.replace('%lang%', event.locals.locale).replace('%mode%', event.locals.displayMode),
  });
  response.headers.set('x-request-id', requestId);
  // Pages for a signed-in user hold their data: not kept by the browser's cache or a shared proxy.
  if (event.locals.user && !response.headers.has('cache-control'))
    response.headers.set('cache-control', 'private, no-store');
  return response;
};

const NOTICE_FREE_PATHS = /^\/(privacy|logout|lang|display|_app|favicon|robots|verify)(\/|$|\.)/;

function mustReadNoticeFirst(event: Parameters<Handle>[0]['event']): boolean {
  if (!event.locals.user?.privacyNotice?.acceptanceRequired) return false;
  if (event.request.method !== 'GET' || NOTICE_FREE_PATHS.test(event.url.pathname)) return false;
  return (event.request.headers.get('accept') ?? '').includes('text/html') || event.isDataRequest;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = event.locals.requestId;
  if (status === 404) return { message: 'error.NOT_FOUND', code: ErrorCode.NotFound, requestId };
  console.error(
    JSON.stringify({ msg: 'Unhandled error', requestId, path: event.url.pathname, error: String(error) }),
  );
  return { message: 'error.INTERNAL', code: ErrorCode.Internal, requestId };
};
