import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { withQuery } from './provider-links.js';

/** Pages of the company mentor's area; `?enterprise=` chooses the company when the user works for several. */
export type MentorPage = '/mentor' | '/mentor/weeks' | '/mentor/team';

export function mentorHref(path: MentorPage, enterpriseId: string | null | undefined): ResolvedPathname {
  return withQuery(resolve(path), { enterprise: enterpriseId });
}

/** An apprentice's agreement in the mentor's area. */
export function mentorAgreementHref(id: string, enterpriseId?: string | null): ResolvedPathname {
  return withQuery(resolve('/mentor/apprentices/[id]', { id }), { enterprise: enterpriseId });
}

/** A form action's URL that keeps the chosen company (see `actionHref` in the provider area). */
export function mentorActionHref(name: string, enterpriseId: string | null | undefined): string {
  return enterpriseId ? `?enterprise=${encodeURIComponent(enterpriseId)}&/${name}` : `?/${name}`;
}
