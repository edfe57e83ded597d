import type { RequestEvent } from '@sveltejs/kit';
import type { Place, TownshipWithVillages } from '../geo.js';
import { api } from './api.js';
import { throwApiError } from './errors.js';

/**
 * Every township with all its villages (about 12 townships, 60 villages) in one API call, so the village select
 * can list them grouped by township and work without JavaScript.
 */
export async function loadTownshipsWithVillages(event: RequestEvent): Promise<TownshipWithVillages[]> {
  const result = await api(event, null).GET('/api/geo/places');
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/** The county's townships, for filters and forms that need no village. */
export async function loadTownships(event: RequestEvent): Promise<Place[]> {
  const result = await api(event, null).GET('/api/geo/townships');
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}
