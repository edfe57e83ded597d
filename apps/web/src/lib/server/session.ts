import type { Schemas } from '@cll/api-client';
import { ErrorCode } from '@cll/domain';
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { api } from './api.js';
import { readApiError } from './errors.js';

export const ACCESS_COOKIE = 'cll_access';
export const REFRESH_COOKIE = 'cll_refresh';
/** The API does not say how long a refresh token lives; a stale one is simply refused and the cookies cleared. */
const REFRESH_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

type AuthTokens = Schemas['AuthTokensResponse'];

function cookieOptions(url: URL) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' } as const;
}

/** Stores both tokens in httpOnly cookies: page scripts never see them. */
export function setSessionCookies(cookies: Cookies, url: URL, tokens: AuthTokens): void {
  cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...cookieOptions(url), maxAge: tokens.expiresIn });
  cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...cookieOptions(url), maxAge: REFRESH_COOKIE_MAX_AGE });
}

export function clearSessionCookies(cookies: Cookies, url: URL): void {
  cookies.delete(ACCESS_COOKIE, cookieOptions(url));
  cookies.delete(REFRESH_COOKIE, cookieOptions(url));
}

/** Signs the user in for the rest of this request and for the browser. */
export function startSession(event: RequestEvent, tokens: AuthTokens): void {
  setSessionCookies(event.cookies, event.url, tokens);
  event.locals.accessToken = tokens.accessToken;
  event.locals.user = tokens.user;
}

/**
 * Refresh tokens rotate. Two requests sent together with the same expired cookie (a page and its data, two tabs)
 * both refresh: the API answers a duplicate within 30 seconds with fresh tokens for the same session, so the web
 * server keeps no state of its own and any number of web processes can run.
 */
async function refresh(
  event: RequestEvent,
  refreshToken: string,
): Promise<AuthTokens | 'refused' | 'unavailable'> {
  const result = await api(event, null).POST('/api/auth/refresh', { body: { refreshToken } });
  if (result.data) return result.data;
  return result.response.status === 401 ? 'refused' : 'unavailable';
}

/**
 * Loads the signed-in user from the cookies into `event.locals`. An access token the API calls AUTH_TOKEN_INVALID
 * (or an access cookie that has expired) is replaced once using the refresh token; a refused refresh signs the
 * user out. When the API cannot be reached the cookies are kept and `apiUnavailable` is set.
 */
export async function restoreSession(event: RequestEvent): Promise<void> {
  const { cookies, url, locals } = event;
  const accessToken = cookies.get(ACCESS_COOKIE);
  const refreshToken = cookies.get(REFRESH_COOKIE);
  if (!accessToken && !refreshToken) return;

  if (accessToken) {
    const result = await api(event, accessToken).GET('/api/me');
    if (result.data) {
      locals.user = result.data;
      locals.accessToken = accessToken;
      return;
    }
    const { status, code } = readApiError(result);
    if (status !== 401 && status !== 403) {
      locals.apiUnavailable = true;
      return;
    }
    if (code !== ErrorCode.AuthTokenInvalid || !refreshToken) {
      clearSessionCookies(cookies, url);
      return;
    }
  }

  if (!refreshToken) return;
  const tokens = await refresh(event, refreshToken);
  if (tokens === 'unavailable') locals.apiUnavailable = true;
  else if (tokens === 'refused') clearSessionCookies(cookies, url);
  else startSession(event, tokens);
}

/** For pages that need a signed-in user: sends everyone else to the login page and back here afterwards. */
export function requireUser(event: RequestEvent): NonNullable<App.Locals['user']> {
  const { user, apiUnavailable } = event.locals;
  if (user) return user;
  if (apiUnavailable)
    error(503, { message: 'error.SERVICE_UNAVAILABLE', code: ErrorCode.ServiceUnavailable });
  redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}
