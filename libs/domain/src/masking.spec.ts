import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdNumber, maskMobile, maskName } from './masking.js';

describe('masking', () => {
  it('hides the birth date and sequence of an ID number, keeping 3 + 4 characters', () => {
    const masked = maskIdNumber('11010519491231002X');
    expect(masked).toBe('110***********002X');
    expect(masked).not.toContain('19491231');
    expect(masked).toHaveLength(18);
  });

  it('masks mobile numbers, e-mail addresses and names', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskEmail('zhang.wei@example.cn')).toBe('z********@example.cn');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Wei')).toBe('L* W**');
  });

  it('never returns short input unmasked', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskMobile('123')).toBe('***');
    expect(maskEmail('nobody')).toBe('******');
  });
});
