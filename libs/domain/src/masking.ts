/** Masking for personal data shown on screens, lists and public pages. */

/** 330102199001011234 → 330***********1234 (region prefix and last four kept, birth date hidden). */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskMobile(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** zhang.wei@example.cn → z********@example.cn */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at <= 0) return '*'.repeat(value.length);
  return value[0] + '*'.repeat(Math.max(at - 1, 1)) + value.slice(at);
}

/**
 * Chinese names keep only the first character (张三 → 张*, 欧阳娜娜 → 欧***): a two-character
 * family name cannot be told apart reliably. Latin names keep each word's first letter ("Li Wei" → "L* W**").
 */
export function maskName(value: string): string {
  const name = value.trim();
  if (!name) return '';
  if (/^[\p{Script=Han}·]+$/u.test(name)) {
    const chars = [...name];
    return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
  }
  return name
    .split(/\s+/)
    .map((w) => w[0] + '*'.repeat(Math.max(w.length - 1, 1)))
    .join(' ');
}
