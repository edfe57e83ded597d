import { describe, expect, it } from 'vitest';
import { normaliseVerificationCode } from './verification.js';

describe('normaliseVerificationCode', () => {
  it('drops spaces and invisible characters and capitalises what was typed', () => {
    expect(normaliseVerificationCode(' ab12 cd34 ')).toBe('AB12CD34');
    expect(normaliseVerificationCode('ab12\u200bcd34\ufeff')).toBe('AB12CD34');
  });

  it('takes the code from the address a QR code gives, whatever the origin, query or fragment', () => {
    expect(normaliseVerificationCode('https://learn.example.gov.cn/verify/4FEBLDJ5TY')).toBe('4FEBLDJ5TY');
    expect(normaliseVerificationCode(' http://127.0.0.1:5173/verify/4febldj5ty?from=qr#top ')).toBe(
      '4FEBLDJ5TY',
    );
    expect(normaliseVerificationCode('learn.example.gov.cn/verify/4FEBLDJ5TY/')).toBe('4FEBLDJ5TY');
  });

  it('reads nothing from an empty or absurdly long value', () => {
    expect(normaliseVerificationCode(null)).toBe('');
    expect(normaliseVerificationCode('x'.repeat(65))).toBe('');
    expect(normaliseVerificationCode(`https://x.example/verify/${'A'.repeat(400)}`)).toBe('');
  });
});
