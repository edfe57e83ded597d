import { CATALOGUE_PAGE_SIZE, parseCatalogueSearch, toCatalogueApiQuery } from '$lib/catalogue-search.js';
import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { loadTownships } from '$lib/server/geo.js';
import type { PageServerLoad } from './$types.js';

/** The public catalogue: no account needed, so the API is called without the visitor's token. */
export const load: PageServerLoad = async (event) => {
  const { filters, page } = parseCatalogueSearch(event.url.searchParams);
  const client = api(event, null);
  const [results, providers, townships] = await Promise.all([
    client.GET('/api/catalogue/courses', { params: { query: toCatalogueApiQuery(filters, page) } }),
    client.GET('/api/catalogue/providers'),
    loadTownships(event),
  ]);
  if (!results.data) throwApiError(results, event.url);
  if (!providers.data) throwApiError(providers, event.url);
  const { items, total } = results.data;
  return {
    filters,
    page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    total,
    providers: providers.data.map((p) => ({ value: p.id, label: p.name })),
    townships,
    courses: items.map((c) => ({
      id: c.id,
      title: c.title,
      titleEn: c.titleEn,
      providerName: c.provider.name,
      category: c.category,
      mode: c.mode,
      studyHours: c.studyHours,
      coverText: c.coverText,
      nextSession: c.nextSession && {
        startsAt: c.nextSession.startsAt,
        online: c.nextSession.online,
        townshipName: c.nextSession.townshipName,
        seatsLeft: c.nextSession.seatsLeft,
      },
    })),
  };
};
