/** Census education attainment levels (highest level completed), with the years used by the MYS formula. */
export enum AttainmentLevel {
  None = 'none',
  Primary = 'primary',
  JuniorSecondary = 'junior_secondary',
  SeniorSecondary = 'senior_secondary',
  SecondaryVocational = 'secondary_vocational',
  JuniorCollege = 'junior_college',
  Bachelor = 'bachelor',
  Postgraduate = 'postgraduate',
}
export const ATTAINMENT_LEVELS = Object.values(AttainmentLevel);

export enum Sex {
  Male = 'male',
  Female = 'female',
}
export const SEXES = Object.values(Sex);

export enum EmploymentStatus {
  Employed = 'employed',
  SelfEmployed = 'self_employed',
  Farmer = 'farmer',
  Unemployed = 'unemployed',
  Student = 'student',
  Retired = 'retired',
  Other = 'other',
}
export const EMPLOYMENT_STATUSES = Object.values(EmploymentStatus);

export enum Role {
  Learner = 'learner',
  ProviderStaff = 'provider_staff',
  ProviderAdmin = 'provider_admin',
  EnterpriseMentor = 'enterprise_mentor',
  /** Manages an enterprise's accounts and confirms agreements for it. */
  EnterpriseAdmin = 'enterprise_admin',
  BureauAnalyst = 'bureau_analyst',
  BureauAdmin = 'bureau_admin',
}
export const ROLES = Object.values(Role);

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Whole years of age on a date, both as YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
