import type { Locale, Message } from './i18n/index.js';

/** Small pieces of how a course reads on the page, shared by the catalogue, the course page and the preview. */

/** English readers get the English title when the provider gave one. */
export function courseTitle(locale: Locale, course: { title: string; titleEn: string | null }): string {
  return locale === 'en' && course.titleEn ? course.titleEn : course.title;
}

export function ageRangeMessage(minAge: number | null, maxAge: number | null): Message {
  if (minAge !== null && maxAge !== null)
    return { key: 'course.ages.range', params: { min: minAge, max: maxAge } };
  if (minAge !== null) return { key: 'course.ages.from', params: { min: minAge } };
  if (maxAge !== null) return { key: 'course.ages.upTo', params: { max: maxAge } };
  return { key: 'course.ages.any' };
}

/** Study hours and credits may be fractional (1.5); shown without trailing zeros in the reader's language. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Where a session meets, in words: "线上" or township · village · venue. */
export function sessionPlace(
  t: (key: string) => string,
  session: {
    online: boolean;
    townshipName: string | null;
    villageName?: string | null;
    venue: string | null;
  },
): string {
  if (session.online) return t('session.online');
  return [session.townshipName, session.villageName, session.venue].filter(Boolean).join(' · ');
}
