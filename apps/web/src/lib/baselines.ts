import './i18n/indicators.js';
import { hasMessage, type Message } from './i18n/index.js';

/** Population baselines: what the upload form accepts, and how the import's problems read. */

export const BASELINE_SOURCES = ['census', 'sample_survey', 'yearbook', 'other'] as const;
export const BASELINE_HEADER = 'township_code,age_band,sex,attainment,count';
/** The API takes a file of up to 1,000,000 characters in a JSON body of at most 1 MB. */
export const MAX_BASELINE_CHARACTERS = 1_000_000;
const MAX_BASELINE_BYTES = 1_000_000;

/** The chosen file's text (a spreadsheet's byte-order mark dropped), or the message for the file field. */
export async function readBaselineFile(
  file: FormDataEntryValue | null,
): Promise<{ csv: string; error: null } | { csv: null; error: Message }> {
  if (!(file instanceof File) || file.size === 0)
    return { csv: null, error: { key: 'baselines.file.required' } };
  if (file.size > MAX_BASELINE_BYTES) return { csv: null, error: { key: 'baselines.file.tooLarge' } };
  const csv = (await file.text()).replace(/^\uFEFF/, '');
  if (csv.length > MAX_BASELINE_CHARACTERS) return { csv: null, error: { key: 'baselines.file.tooLarge' } };
  const header = (csv.split(/\r?\n/, 1)[0] ?? '').trim().toLowerCase().replace(/\s/g, '');
  if (header !== BASELINE_HEADER) return { csv: null, error: { key: 'baselines.file.invalid' } };
  return { csv, error: null };
}

/** A problem the import found, in the reader's language: its line (0: the whole file), column and reason. */
export function problemView(problem: {
  line: number;
  field: string;
  code: string;
  lines?: number[];
  bands?: string[];
  gap?: string;
}): {
  line: Message;
  field: Message;
  reason: Message;
} {
  const field = `baselineField.${problem.field}`;
  const reason = `baselineProblem.${problem.code}`;
  const lines = problem.lines ?? [];
  const bands = problem.bands ?? [];
  // Age-band problems name the bands and the lines involved (both of an overlap, both around a gap).
  const params = {
    first: bands[0] ?? '',
    firstLine: lines[0] ?? problem.line,
    second: bands[1] ?? '',
    secondLine: lines[1] ?? '',
    gap: problem.gap ?? '',
  };
  return {
    line:
      lines.length > 1
        ? { key: 'baseline.lineNumbers', params: { lines: lines.join(', ') } }
        : problem.line === 0
          ? { key: 'baseline.wholeFile' }
          : { key: 'baseline.lineNumber', params: { line: problem.line } },
    field: hasMessage(field)
      ? { key: field }
      : { key: 'baseline.fieldAsGiven', params: { field: problem.field } },
    reason: hasMessage(reason) ? { key: reason, params } : { key: 'baselineProblem.unknown' },
  };
}
