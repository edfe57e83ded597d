/**
 * Statistical division codes (统计用区划代码): 12 digits = province(2) city(2) county(2) township(3) village(3).
 * A township's code ends in 000; a village's does not.
 */
export const DIVISION_CODE_PATTERN = /^\d{12}$/;

export function isTownshipCode(code: string): boolean {
  return DIVISION_CODE_PATTERN.test(code) && code.endsWith('000') && !code.endsWith('000000');
}

export function isVillageCode(code: string): boolean {
  return DIVISION_CODE_PATTERN.test(code) && !code.endsWith('000');
}

export function townshipOf(villageCode: string): string {
  return villageCode.slice(0, 9) + '000';
}

export function countyOf(code: string): string {
  return code.slice(0, 6);
}
