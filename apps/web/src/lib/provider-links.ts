import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** Pages of the provider area that work for one provider at a time, chosen with `?provider=`. */
export type ProviderPage =
  | '/provider'
  | '/provider/programmes'
  | '/provider/courses/new'
  | '/provider/staff'
  | '/provider/enterprises'
  | '/provider/apprenticeships'
  | '/provider/apprenticeships/new'
  | '/provider/apprenticeships/weeks';

/** Adds a query string to a path `resolve()` has checked; the query does not change the route. */
export function withQuery(
  href: ResolvedPathname,
  query: Record<string, string | null | undefined>,
  hash = '',
): ResolvedPathname {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `${search ? `${href}?${search}` : href}${hash}` as ResolvedPathname;
}

/**
 * A form action's URL that keeps the chosen provider, so that a page re-rendered after a refused submission (without
 * JavaScript the browser shows the action's URL) still acts for the same provider.
 */
export function actionHref(name: string, providerId: string | null | undefined): string {
  return providerId ? `?provider=${encodeURIComponent(providerId)}&/${name}` : `?/${name}`;
}

/** A link inside the provider area that keeps the chosen provider (staff may work for several). */
export function providerHref(path: ProviderPage, providerId: string | null | undefined): ResolvedPathname {
  return withQuery(resolve(path), { provider: providerId });
}

/** A course's editor, acting for the course's own provider. */
export function courseEditorHref(course: { id: string; providerId: string }): ResolvedPathname {
  return withQuery(resolve('/provider/courses/[id]', { id: course.id }), { provider: course.providerId });
}

/** A session's roster page, for the same provider; `course` lets it link back to the course's editor. */
export function rosterHref(
  sessionId: string,
  query: { provider: string | null | undefined; course?: string | null; date?: string | null },
): ResolvedPathname {
  return withQuery(resolve('/provider/sessions/[sessionId]/roster', { sessionId }), query);
}

/** A roster form action's URL: the page's own query (provider, course, date) stays, so a refusal shows the same day. */
export function rosterActionHref(
  name: string,
  query: { provider: string; course: string | null; date: string },
): string {
  const params = new URLSearchParams({ provider: query.provider, date: query.date });
  if (query.course) params.set('course', query.course);
  return `?${params.toString()}&/${name}`;
}

/** An apprenticeship agreement's page in the provider area, for the agreement's own school. */
export function agreementHref(agreement: { id: string; providerId: string }, hash = ''): ResolvedPathname {
  return withQuery(
    resolve('/provider/apprenticeships/[id]', { id: agreement.id }),
    { provider: agreement.providerId },
    hash,
  );
}

/** A company's mentors and invitations, reached from the provider area. */
export function enterpriseHref(
  enterpriseId: string,
  providerId: string | null | undefined,
): ResolvedPathname {
  return withQuery(resolve('/provider/enterprises/[id]', { id: enterpriseId }), { provider: providerId });
}
