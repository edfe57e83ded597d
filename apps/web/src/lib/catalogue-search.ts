import { COURSE_CATEGORIES, COURSE_MODES, type CourseCategory, type CourseMode } from '@cll/domain';
import { isUuid } from './ids.js';
import { isOneOf } from './validation.js';

/** The public catalogue's search form: a GET form, so every search is a link that can be shared or bookmarked. */

export const CATALOGUE_PAGE_SIZE = 20;
export const STARTS_WITHIN_CHOICES = ['7', '30', '90'] as const;
/** The API serves at most 1,000 pages of results. */
const MAX_PAGE = 1000;
const MAX_QUERY_LENGTH = 100;
const CODE_PATTERN = /^\d{12}$/;

/** What the form shows: the URL's parameters, with anything unrecognised dropped. */
export interface CatalogueFilters {
  q: string;
  category: CourseCategory | '';
  township: string;
  mode: CourseMode | '';
  elderly: boolean;
  within: (typeof STARTS_WITHIN_CHOICES)[number] | '';
  provider: string;
  seats: boolean;
}

/** The API's query for those filters. */
export interface CatalogueApiQuery {
  q?: string;
  category?: CourseCategory;
  townshipCode?: string;
  mode?: CourseMode;
  forElderly?: boolean;
  startsWithinDays?: number;
  providerId?: string;
  hasSeats?: boolean;
  page: number;
  pageSize: number;
}

export function parseCatalogueSearch(params: URLSearchParams): { filters: CatalogueFilters; page: number } {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const category = get('category');
  const mode = get('mode');
  const within = get('within');
  const township = get('township');
  const provider = get('provider');
  const pageNumber = Number(get('page') || '1');
  return {
    filters: {
      q: get('q').slice(0, MAX_QUERY_LENGTH),
      category: isOneOf(COURSE_CATEGORIES, category) ? category : '',
      township: CODE_PATTERN.test(township) ? township : '',
      mode: isOneOf(COURSE_MODES, mode) ? mode : '',
      elderly: get('elderly') === '1',
      within: isOneOf(STARTS_WITHIN_CHOICES, within) ? within : '',
      provider: isUuid(provider) ? provider : '',
      seats: get('seats') === '1',
    },
    page: Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= MAX_PAGE ? pageNumber : 1,
  };
}

export function toCatalogueApiQuery(filters: CatalogueFilters, page: number): CatalogueApiQuery {
  return {
    q: filters.q || undefined,
    category: filters.category || undefined,
    townshipCode: filters.township || undefined,
    mode: filters.mode || undefined,
    forElderly: filters.elderly || undefined,
    startsWithinDays: filters.within ? Number(filters.within) : undefined,
    providerId: filters.provider || undefined,
    hasSeats: filters.seats || undefined,
    page,
    pageSize: CATALOGUE_PAGE_SIZE,
  };
}

/** The query string of a results page with the same filters (`q=…&page=2`); empty filters are left out. */
export function catalogueSearchString(filters: CatalogueFilters, page: number): string {
  const params = new URLSearchParams();
  const entries: Array<[string, string]> = [
    ['q', filters.q],
    ['category', filters.category],
    ['township', filters.township],
    ['mode', filters.mode],
    ['elderly', filters.elderly ? '1' : ''],
    ['within', filters.within],
    ['provider', filters.provider],
    ['seats', filters.seats ? '1' : ''],
    ['page', page > 1 ? String(page) : ''],
  ];
  for (const [name, value] of entries) if (value) params.set(name, value);
  return params.toString();
}

/** Seats in words, never by colour alone: "还剩 5 个名额" or "已满，可登记候补". */
export function seatsMessage(seatsLeft: number): { key: string; params?: { count: number } } {
  return seatsLeft > 0 ? { key: 'seats.left', params: { count: seatsLeft } } : { key: 'seats.full' };
}
