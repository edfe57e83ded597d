import { describe, expect, it } from 'vitest';
import { translate } from './i18n/index.js';
import { problemView, readBaselineFile } from './baselines.js';

const file = (text: string) => new File([text], 'baseline.csv', { type: 'text/csv' });

describe('reading a baseline file from the upload form', () => {
  it('takes the file’s text without a spreadsheet’s byte-order mark', async () => {
    const text = 'township_code,age_band,sex,attainment,count\n339901101000,15-19,male,junior_secondary,812';
    expect(await readBaselineFile(file(`\uFEFF${text}`))).toEqual({ csv: text, error: null });
  });

  it('accepts the header in capitals or with spaces, as the API does', async () => {
    const result = await readBaselineFile(file('Township_Code, Age_Band, Sex, Attainment, Count\n1,2,3,4,5'));
    expect(result.error).toBeNull();
  });

  it('asks for a file when none was chosen', async () => {
    expect((await readBaselineFile(null)).error).toEqual({ key: 'baselines.file.required' });
    expect((await readBaselineFile(file(''))).error).toEqual({ key: 'baselines.file.required' });
  });

  it('refuses a file whose first line is not the baseline header before the API sees it', async () => {
    expect((await readBaselineFile(file('mobile,name\n13800000001,王秀兰'))).error).toEqual({
      key: 'baselines.file.invalid',
    });
  });

  it('refuses a file larger than the API takes', async () => {
    const big = `township_code,age_band,sex,attainment,count\n${'x'.repeat(1_000_001)}`;
    expect((await readBaselineFile(file(big))).error).toEqual({ key: 'baselines.file.tooLarge' });
  });
});

describe('the import’s problems in words', () => {
  const zh = (m: { key: string; params?: Record<string, string | number> }) => translate('zh-CN', m);

  it('names the line, the column and the reason', () => {
    const view = problemView({ line: 3, field: 'township_code', code: 'TOWNSHIP_UNKNOWN' });
    expect(zh(view.line)).toBe('第 3 行');
    expect(zh(view.field)).toBe('乡镇代码');
    expect(zh(view.reason)).toBe('乡镇代码不是本县的乡镇（街道）。');
  });

  it('calls line 0 the whole file, as for age bands that do not tile', () => {
    const view = problemView({ line: 0, field: 'age_band', code: 'BANDS_DO_NOT_TILE' });
    expect(zh(view.line)).toBe('整个文件');
    expect(zh(view.reason)).toContain('年龄组');
  });

  it('names both overlapping bands and their lines, in both languages', () => {
    const view = problemView({
      line: 2,
      lines: [2, 4],
      bands: ['15-19', '15-24'],
      field: 'age_band',
      code: 'BANDS_OVERLAP',
    });
    expect(zh(view.line)).toBe('第 2, 4 行');
    expect(zh(view.reason)).toBe(
      '年龄组 15-19（第 2 行）和 15-24（第 4 行）互相重叠：一个年龄只能属于一个组。',
    );
    const gap = problemView({
      line: 5,
      lines: [5, 6],
      bands: ['20-29', '35-64'],
      gap: '30-34',
      field: 'age_band',
      code: 'BANDS_GAP',
    });
    expect(zh(gap.reason)).toBe('年龄组 20-29（第 5 行）和 35-64（第 6 行）之间缺少 30-34 岁。');
  });

  it('still says something for a code or column this version does not know', () => {
    const view = problemView({ line: 9, field: 'region', code: 'SOMETHING_NEW' });
    expect(zh(view.field)).toBe('region');
    expect(zh(view.reason)).toBe('这一行有问题。');
  });
});
