import { AttainmentLevel, EmploymentStatus, idNumberCheckCharacter, Sex } from '@cll/domain';
import type { Sql } from './catalogue-generator.js';

export const TOWNSHIP_A = '330799101000';
export const VILLAGE_A1 = '330799101201';
export const TOWNSHIP_B = '330799102000';
export const VILLAGE_B1 = '330799102201';

export async function seedPlaces(db: Sql): Promise<void> {
  await db.query(
    `INSERT INTO townships (code, name, name_en) VALUES ($1, '测试一镇', 'Test One Town'), ($2, '测试二镇', 'Test Two Town')`,
    [TOWNSHIP_A, TOWNSHIP_B],
  );
  await db.query(
    `INSERT INTO villages (code, township_code, name, name_en)
     VALUES ($1, $2, '一村', 'Village One'), ($3, $4, '二村', 'Village Two')`,
    [VILLAGE_A1, TOWNSHIP_A, VILLAGE_B1, TOWNSHIP_B],
  );
}

let sequence = 0;

/** A mobile number unique within the test process. */
export function uniqueMobile(): string {
  sequence += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(sequence).padStart(4, '0')}`;
}

/** A valid GB 11643 number for the birth date and sex; `serial` varies it. */
export function makeIdNumber(birthDate: string, sex: Sex, serial = 1): string {
  const seq = String((serial * 2 + (sex === Sex.Male ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `330799${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function registerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王秀兰',
    mobile: uniqueMobile(),
    password: 'Learn2026ok',
    birthDate: '1958-03-21',
    sex: Sex.Female,
    townshipCode: TOWNSHIP_A,
    villageCode: VILLAGE_A1,
    attainment: AttainmentLevel.JuniorSecondary,
    employmentStatus: EmploymentStatus.Retired,
    // With an ID number the form's separate consent box is ticked, unless a test says otherwise.
    ...('idNumber' in overrides ? { idNumberConsent: true } : {}),
    ...overrides,
  };
}
