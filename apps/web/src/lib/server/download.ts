import { ErrorCode } from '@cll/domain';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { readApiError, type ApiResult } from './errors.js';

/**
 * Files the API makes for the signed-in user (certificates, the learning record), passed on to the browser as they
 * arrive: the browser never holds the token, so it cannot fetch them from the API itself.
 */
export function passDownload(result: ApiResult, fileName: string, contentType: string): Response {
  const upstream = result.response;
  return new Response(upstream.body, {
    headers: {
      'content-type': upstream.headers.get('content-type') ?? contentType,
      'content-disposition':
        upstream.headers.get('content-disposition') ?? `attachment; filename="${fileName}"`,
      // Personal documents: never kept by a shared cache.
      'cache-control': 'private, no-store',
    },
  });
}

/**
 * A download that failed: a lost session goes back to login (and to the file afterwards); anything else goes back to
 * the page with the link, which names the problem (`?problem=CERTIFICATE_NOT_READY`).
 */
export function downloadFailed(result: ApiResult, event: RequestEvent, page: string, hash = ''): never {
  const { code } = readApiError(result);
  if (code === ErrorCode.AuthRequired || code === ErrorCode.AuthTokenInvalid) {
    redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  }
  const join = page.includes('?') ? '&' : '?';
  redirect(303, `${page}${join}problem=${encodeURIComponent(code ?? ErrorCode.Internal)}${hash}`);
}
