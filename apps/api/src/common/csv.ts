/**
 * One CSV cell for files people open in a spreadsheet: quoted when it holds a separator, a quote or a line break, and
 * never read as a formula (a leading =, +, -, @, tab or carriage return gets an apostrophe first; OWASP's CSV
 * injection advice). Numbers pass as they are; null is an empty cell.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line (CRLF-terminated) from its cells. */
export function csvLine(cells: Array<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
