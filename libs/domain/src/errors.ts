/**
 * Stable machine-readable error codes returned by the API as `{ code, message, requestId }`.
 * The web app translates them; the API maps each to an HTTP status in one place.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  NotFound = 'NOT_FOUND',
  AuthRequired = 'AUTH_REQUIRED',
  AuthInvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  AuthTokenInvalid = 'AUTH_TOKEN_INVALID',
  AuthRefreshInvalid = 'AUTH_REFRESH_INVALID',
  AuthAccountDisabled = 'AUTH_ACCOUNT_DISABLED',
  Forbidden = 'FORBIDDEN',
  RateLimited = 'RATE_LIMITED',
  AccountExists = 'ACCOUNT_EXISTS',
  IdNumberMismatch = 'ID_NUMBER_MISMATCH',
  IdNumberTaken = 'ID_NUMBER_TAKEN',
  TownshipUnknown = 'TOWNSHIP_UNKNOWN',
  VillageUnknown = 'VILLAGE_UNKNOWN',
  BirthDateInvalid = 'BIRTH_DATE_INVALID',
  ContactRequired = 'CONTACT_REQUIRED',
  PasswordWrong = 'PASSWORD_WRONG',
  CourseNotPublishable = 'COURSE_NOT_PUBLISHABLE',
  CourseStateInvalid = 'COURSE_STATE_INVALID',
  SessionEndsBeforeStart = 'SESSION_ENDS_BEFORE_START',
  EnrolmentWindowInvalid = 'ENROLMENT_WINDOW_INVALID',
  SessionPlaceRequired = 'SESSION_PLACE_REQUIRED',
  SessionHasEnrolments = 'SESSION_HAS_ENROLMENTS',
  /** A class pattern without a weekday, ending before it starts, or meeting on no date of the session. */
  SessionScheduleInvalid = 'SESSION_SCHEDULE_INVALID',
  QuizInvalid = 'QUIZ_INVALID',
  LessonContentRequired = 'LESSON_CONTENT_REQUIRED',
  ProviderNotApproved = 'PROVIDER_NOT_APPROVED',
  ProviderStateInvalid = 'PROVIDER_STATE_INVALID',
  ReasonRequired = 'REASON_REQUIRED',
  EnterpriseExists = 'ENTERPRISE_EXISTS',
  InvitationInvalid = 'INVITATION_INVALID',
  InvitationNotForYou = 'INVITATION_NOT_FOR_YOU',
  EnrolmentClosed = 'ENROLMENT_CLOSED',
  EnrolmentAgeNotAllowed = 'ENROLMENT_AGE_NOT_ALLOWED',
  EnrolmentDuplicate = 'ENROLMENT_DUPLICATE',
  EnrolmentStateInvalid = 'ENROLMENT_STATE_INVALID',
  LearnerProfileRequired = 'LEARNER_PROFILE_REQUIRED',
  NotEnrolled = 'NOT_ENROLLED',
  LearnerNotFound = 'LEARNER_NOT_FOUND',
  ConsentRequired = 'CONSENT_REQUIRED',
  QuizAnswersInvalid = 'QUIZ_ANSWERS_INVALID',
  LessonKindMismatch = 'LESSON_KIND_MISMATCH',
  /** A playback position below 0 or past the lesson's stated length. */
  ProgressPositionInvalid = 'PROGRESS_POSITION_INVALID',
  /** The learner asked to finish a lesson before the course's rule is met (not enough played or read). */
  LessonNotDoneYet = 'LESSON_NOT_DONE_YET',
  AttendanceDateInvalid = 'ATTENDANCE_DATE_INVALID',
  NotInSession = 'NOT_IN_SESSION',
  CertificateNotReady = 'CERTIFICATE_NOT_READY',
  PdfFontMissing = 'PDF_FONT_MISSING',
  BodyTooComplex = 'BODY_TOO_COMPLEX',
  CertificateAlreadyRevoked = 'CERTIFICATE_ALREADY_REVOKED',
  /** Not a credential at all: not a compact JWS, not JSON holding one, or not an OpenBadgeCredential. */
  CredentialMalformed = 'CREDENTIAL_MALFORMED',
  /** Signed by someone other than this platform: we cannot vouch for it. */
  CredentialForeignIssuer = 'CREDENTIAL_FOREIGN_ISSUER',
  /** Claims our issuer but names a key we never published. */
  CredentialUnknownKey = 'CREDENTIAL_UNKNOWN_KEY',
  /** The signature does not match the content: altered after signing, or forged. */
  CredentialBadSignature = 'CREDENTIAL_BAD_SIGNATURE',
  ImportCsvInvalid = 'IMPORT_CSV_INVALID',
  ApprenticeTooYoung = 'APPRENTICE_TOO_YOUNG',
  GuardianRequired = 'GUARDIAN_REQUIRED',
  AgreementDatesInvalid = 'AGREEMENT_DATES_INVALID',
  MentorsRequired = 'MENTORS_REQUIRED',
  MentorNotInOrganisation = 'MENTOR_NOT_IN_ORGANISATION',
  AgreementVersionChanged = 'AGREEMENT_VERSION_CHANGED',
  AgreementStateInvalid = 'AGREEMENT_STATE_INVALID',
  ApprenticeAlreadyActive = 'APPRENTICE_ALREADY_ACTIVE',
  EventDateInvalid = 'EVENT_DATE_INVALID',
  NotAParty = 'NOT_A_PARTY',
  LogDayLimit = 'LOG_DAY_LIMIT',
  LogWeekLimit = 'LOG_WEEK_LIMIT',
  LogWeekOutOfRange = 'LOG_WEEK_OUT_OF_RANGE',
  LogWeekLocked = 'LOG_WEEK_LOCKED',
  LogStateInvalid = 'LOG_STATE_INVALID',
  PeriodClosed = 'PERIOD_CLOSED',
  JobStateInvalid = 'JOB_STATE_INVALID',
  BaselineNotReady = 'BASELINE_NOT_READY',
  SynonymExists = 'SYNONYM_EXISTS',
  YearOutOfRange = 'YEAR_OUT_OF_RANGE',
  AgeBandNotServed = 'AGE_BAND_NOT_SERVED',
  AttainmentUnchanged = 'ATTAINMENT_UNCHANGED',
  AuthStepUpRequired = 'AUTH_STEP_UP_REQUIRED',
  /** A staff account's session has not passed its second factor (enrol one, or enter the code). */
  MfaRequired = 'MFA_REQUIRED',
  /** The action needs the authenticator code entered within the last few minutes. */
  StepUpRequired = 'STEP_UP_REQUIRED',
  MfaCodeInvalid = 'MFA_CODE_INVALID',
  MfaCodeUsed = 'MFA_CODE_USED',
  MfaAlreadyEnrolled = 'MFA_ALREADY_ENROLLED',
  MfaNotEnrolled = 'MFA_NOT_ENROLLED',
  MfaResetOwn = 'MFA_RESET_OWN',
  CodeRequired = 'CODE_REQUIRED',
  CodeInvalid = 'CODE_INVALID',
  CodeExpired = 'CODE_EXPIRED',
  CodeUsed = 'CODE_USED',
  CodeAttemptsExhausted = 'CODE_ATTEMPTS_EXHAUSTED',
  SmsUnavailable = 'SMS_UNAVAILABLE',
  ProxyConsentRequired = 'PROXY_CONSENT_REQUIRED',
  ServicePointNotDesignated = 'SERVICE_POINT_NOT_DESIGNATED',
  AlreadyDesignated = 'ALREADY_DESIGNATED',
  MobileRequired = 'MOBILE_REQUIRED',
  /** Personal data under an encryption key version that is not configured (a key removed too early). */
  PiiKeyUnknown = 'PII_KEY_UNKNOWN',
  PiiRotationRunning = 'PII_ROTATION_RUNNING',
  PiiRotationStateInvalid = 'PII_ROTATION_STATE_INVALID',
  /** An ID number given without the separate consent to process it (PIPL art. 29). */
  IdNumberConsentRequired = 'ID_NUMBER_CONSENT_REQUIRED',
  /** Agreeing to a privacy notice version that is not the current one. */
  PrivacyNoticeOutdated = 'PRIVACY_NOTICE_OUTDATED',
  /** The account is closed (PIPL art. 47): nothing more can be done with it. */
  AccountClosed = 'ACCOUNT_CLOSED',
  /** A staff account (roles or a service-point designation) is closed only after those are withdrawn. */
  AccountHasStaffRoles = 'ACCOUNT_HAS_STAFF_ROLES',
  /** Withdrawing a consent to the ID number that was never given (or already withdrawn), with no number held. */
  IdNumberConsentNotGiven = 'ID_NUMBER_CONSENT_NOT_GIVEN',
  Internal = 'INTERNAL',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  requestId: string;
  /** Present for VALIDATION_FAILED and field-specific rule failures. */
  fields?: Array<{ field: string; code: string; message: string }>;
  /** Present for COURSE_NOT_PUBLISHABLE: every reason the course cannot be published yet. */
  problems?: Array<{ code: PublishProblem; message: string; sessionId?: string; lessonId?: string }>;
}

/** Why a course cannot be published yet (each listed in COURSE_NOT_PUBLISHABLE's `problems`). */
export enum PublishProblem {
  NoLessonOrSession = 'NO_LESSON_OR_SESSION',
  OccupationCodeMissing = 'OCCUPATION_CODE_MISSING',
  AttainmentLevelMissing = 'ATTAINMENT_LEVEL_MISSING',
  OfflineWithoutSession = 'OFFLINE_WITHOUT_SESSION',
  SessionEndsBeforeStart = 'SESSION_ENDS_BEFORE_START',
  SessionCapacityInvalid = 'SESSION_CAPACITY_INVALID',
  ProviderNotApproved = 'PROVIDER_NOT_APPROVED',
}
export const PUBLISH_PROBLEMS = Object.values(PublishProblem);
