import type { Locale } from './i18n/index.js';

export interface Place {
  code: string;
  /** Official Chinese name. */
  name: string;
  nameEn: string;
}

/** A township with its villages and communities, as the residence selects show them. */
export interface TownshipWithVillages extends Place {
  villages: Place[];
}

/** Official names are Chinese; English readers get the romanised name when there is one. */
export function placeName(place: Place, locale: Locale): string {
  return locale === 'en' && place.nameEn ? place.nameEn : place.name;
}
