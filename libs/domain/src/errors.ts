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
  Internal = 'INTERNAL',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  requestId: string;
  /** Present for VALIDATION_FAILED and field-specific rule failures. */
  fields?: Array<{ field: string; code: string; message: string }>;
}
