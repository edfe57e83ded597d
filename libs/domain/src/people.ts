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

/**
 * Where a change of a resident's highest attainment came from. Attainment changes only through these dated events
 * (DESIGN §2 "Attainment history"); the profile's level is the latest event's.
 */
export enum AttainmentSource {
  /** The level the resident gave when the account was made (by themselves or by a proxy). */
  Registration = 'registration',
  /** The level a profile already had when the history began (dated at the account's creation). */
  Backfill = 'backfill',
  /** Completing every course of an academic (学历) programme that confers a higher level. */
  ProgrammeCompletion = 'programme_completion',
  /** The learner changed the level on their own profile: a self-declared correction, never an upgrade. */
  SelfDeclared = 'self_declared',
  /** A provider's staff corrected the level with a reason (for example after seeing the diploma). */
  StaffCorrection = 'staff_correction',
}
export const ATTAINMENT_SOURCES = Object.values(AttainmentSource);

/**
 * The order of levels, for "highest" attainment: senior secondary and secondary vocational are the same rung.
 * A completion only ever raises the level; it never lowers it.
 */
export const ATTAINMENT_RANK: Record<AttainmentLevel, number> = {
  [AttainmentLevel.None]: 0,
  [AttainmentLevel.Primary]: 1,
  [AttainmentLevel.JuniorSecondary]: 2,
  [AttainmentLevel.SeniorSecondary]: 3,
  [AttainmentLevel.SecondaryVocational]: 3,
  [AttainmentLevel.JuniorCollege]: 4,
  [AttainmentLevel.Bachelor]: 5,
  [AttainmentLevel.Postgraduate]: 6,
};
