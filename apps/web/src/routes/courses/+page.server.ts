import { fail, redirect } from '@sveltejs/kit';
import { CATALOGUE_PAGE_SIZE, parseCatalogueSearch, toCatalogueApiQuery } from '$lib/catalogue-search.js';
import { FORM_ERROR, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownships } from '$lib/server/geo.js';
import type { Actions, PageServerLoad } from './$types.js';

/** The public catalogue: no account needed, so the API is called without the visitor's token. */
export const load: PageServerLoad = async (event) => {
  const { filters, page } = parseCatalogueSearch(event.url.searchParams);
  const client = api(event, null);
  // A signed-in resident's own township's classes come first (among equally relevant courses); anonymous: unchanged.
  const ownTownship = event.locals.user?.profile?.townshipCode;
  const query = toCatalogueApiQuery(filters, page);
  const [results, providers, townships] = await Promise.all([
    client.GET('/api/catalogue/courses', {
      params: { query: ownTownship ? { ...query, nearTownshipCode: ownTownship } : query },
    }),
    client.GET('/api/catalogue/providers'),
    loadTownships(event),
  ]);
  if (!results.data) throwApiError(results, event.url);
  if (!providers.data) throwApiError(providers, event.url);
  const { items, total } = results.data;
  const user = event.locals.user;
  const homeTownship = filters.township || user?.profile?.townshipCode || '';
  // No dead end: a search that found nothing offers categories, classes nearby and popular courses instead.
  let suggestions = null;
  if (total === 0) {
    const found = await client.GET('/api/catalogue/suggestions', {
      params: { query: homeTownship ? { townshipCode: homeTownship } : {} },
    });
    suggestions = found.data ?? null;
  }
  return {
    filters,
    page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    total,
    providers: providers.data.map((p) => ({ value: p.id, label: p.name })),
    townships,
    suggestions,
    signedIn: Boolean(user),
    homeTownship,
    courses: items.map((c) => ({
      id: c.id,
      title: c.title,
      titleEn: c.titleEn,
      providerName: c.provider.name,
      category: c.category,
      mode: c.mode,
      studyHours: c.studyHours,
      coverText: c.coverText,
      upcomingSessions: c.upcomingSessions,
      nextSessions: c.nextSessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        online: s.online,
        townshipName: s.townshipName,
        nearby: Boolean(ownTownship) && s.townshipCode === ownTownship,
        seatsLeft: s.seatsLeft,
      })),
    })),
  };
};

export const actions: Actions = {
  /** "I want to learn …": left from an empty search by a signed-in resident. */
  request: async (event) => {
    const values = readText(await event.request.formData(), ['text', 'townshipCode']);
    const back = `/courses?q=${encodeURIComponent(values.text)}`;
    if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(back)}`);
    const errors: FormErrors = {};
    if (!values.text.trim()) errors.text = { key: 'validation.required' };
    if (!values.townshipCode) errors.townshipCode = { key: 'validation.required' };
    if (Object.keys(errors).length) return fail(400, { values, errors });
    const result = await api(event).POST('/api/me/course-requests', {
      body: { text: values.text, townshipCode: values.townshipCode },
    });
    if (!result.data)
      return apiFailure(result, values, { TOWNSHIP_UNKNOWN: 'townshipCode', [FORM_ERROR]: FORM_ERROR });
    return { requested: true, values };
  },
};
