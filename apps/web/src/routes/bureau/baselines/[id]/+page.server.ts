import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireBureau } from '$lib/server/indicators.js';
import type { PageServerLoad } from './$types.js';

/** A baseline's import: progress while it is checked (the page asks again every 2 seconds), then its problems. */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const { id } = event.params;
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/population-baselines/{id}', { params: { path: { id } } });
  if (!result.data) throwApiError(result, event.url);
  const b = result.data;
  return {
    isAdmin,
    baseline: {
      id: b.id,
      name: b.name,
      source: b.source,
      year: b.year,
      status: b.status,
      totalRows: b.totalRows,
      processedRows: b.processedRows,
      errorCount: b.errorCount,
      errors: b.errors.map((e) => ({
        line: e.line,
        field: e.field,
        code: e.code,
        message: e.message,
        // Age-band problems: the bands, their lines and a gap's ages, which the sentence names.
        lines: e.lines ? [...e.lines] : undefined,
        bands: e.bands ? [...e.bands] : undefined,
        gap: e.gap,
      })),
      population: b.population,
      createdAt: b.createdAt,
      finishedAt: b.finishedAt,
    },
  };
};
