import { describe, expect, it } from 'vitest';
import {
  catalogueSearchString,
  parseCatalogueSearch,
  seatsMessage,
  toCatalogueApiQuery,
} from './catalogue-search.js';

const PROVIDER = '0b7f1c52-8d0e-4f7a-9c55-2f1f3b0d9a11';

describe('catalogue search parameters', () => {
  it('reads every filter from the URL and turns it into the API query', () => {
    const { filters, page } = parseCatalogueSearch(
      new URLSearchParams(
        `q=+电工+&category=vocational_skills&township=330782101000&mode=offline&elderly=1&within=30&provider=${PROVIDER}&seats=1&page=3`,
      ),
    );
    expect(page).toBe(3);
    expect(toCatalogueApiQuery(filters, page)).toEqual({
      q: '电工',
      category: 'vocational_skills',
      townshipCode: '330782101000',
      mode: 'offline',
      forElderly: true,
      startsWithinDays: 30,
      providerId: PROVIDER,
      hasSeats: true,
      page: 3,
      pageSize: 20,
    });
  });

  it('drops values that are not among the choices instead of sending them on', () => {
    const { filters, page } = parseCatalogueSearch(
      new URLSearchParams(
        'category=cooking&mode=x&within=45&township=abc&provider=1%20OR%201&page=-2&elderly=yes',
      ),
    );
    expect(page).toBe(1);
    expect(toCatalogueApiQuery(filters, page)).toEqual({ page: 1, pageSize: 20 });
  });

  it('builds the link of another page with the same filters, leaving empty ones out', () => {
    const { filters } = parseCatalogueSearch(new URLSearchParams('q=书法&elderly=1&mode='));
    expect(catalogueSearchString(filters, 2)).toBe('q=%E4%B9%A6%E6%B3%95&elderly=1&page=2');
    expect(catalogueSearchString(filters, 1)).toBe('q=%E4%B9%A6%E6%B3%95&elderly=1');
  });
});

describe('seatsMessage', () => {
  it('counts the seats left, and says a full session has a waiting list', () => {
    expect(seatsMessage(5)).toEqual({ key: 'seats.left', params: { count: 5 } });
    expect(seatsMessage(0)).toEqual({ key: 'seats.full' });
  });
});
