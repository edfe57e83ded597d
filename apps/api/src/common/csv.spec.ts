import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

describe('CSV cells', () => {
  it('quotes separators, quotes and line breaks, and keeps numbers and empties plain', () => {
    expect(csvLine(['溪口镇', 'a,b', 'say "hi"', 'two\nlines', 12.5, null])).toBe(
      '溪口镇,"a,b","say ""hi""","two\nlines",12.5,\r\n',
    );
  });

  it('never lets a spreadsheet read a cell as a formula', () => {
    for (const hostile of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '=HYPERLINK("http://x","y")']) {
      expect(csvCell(hostile).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell(-3)).toBe('-3'); // a number is data, not a formula
  });
});
