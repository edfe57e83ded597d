const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs; anything else in a URL is a page that does not exist (404), not a bad request. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
