/** The county's calendar: dates people see are in the county's time zone (a setting; Asia/Shanghai by default). */
export const DEFAULT_COUNTY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: 2026-12-04T23:30Z is 2026-12-05 in Shanghai. */
export function dateInTimeZone(instant: Date, timeZone: string = DEFAULT_COUNTY_TIME_ZONE): string {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** True for a time zone name the runtime knows (IANA, such as Asia/Shanghai or Asia/Urumqi). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
