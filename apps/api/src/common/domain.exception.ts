import { ErrorCode } from '@cll/domain';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A failure the client can act on. The global filter maps `code` to an HTTP status. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    /** Extra machine-readable details (e.g. retryAfterSeconds). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static field(code: ErrorCode, field: string, message: string): DomainException {
    return new DomainException(code, message, [{ field, code, message }]);
  }
}

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.MalformedJson:
    case ErrorCode.BodyTooComplex:
    case ErrorCode.IdNumberMismatch:
    case ErrorCode.TownshipUnknown:
    case ErrorCode.VillageUnknown:
    case ErrorCode.BirthDateInvalid:
    case ErrorCode.ContactRequired:
    case ErrorCode.PasswordWrong:
    case ErrorCode.SessionEndsBeforeStart:
    case ErrorCode.EnrolmentWindowInvalid:
    case ErrorCode.SessionPlaceRequired:
    case ErrorCode.SessionScheduleInvalid:
    case ErrorCode.QuizInvalid:
    case ErrorCode.LessonContentRequired:
    case ErrorCode.ReasonRequired:
    case ErrorCode.ConsentRequired:
    case ErrorCode.QuizAnswersInvalid:
    case ErrorCode.LessonKindMismatch:
    case ErrorCode.ProgressPositionInvalid:
    case ErrorCode.AttendanceDateInvalid:
    case ErrorCode.NotInSession:
    case ErrorCode.ImportCsvInvalid:
    case ErrorCode.AgreementDatesInvalid:
    case ErrorCode.MentorNotInOrganisation:
    case ErrorCode.EventDateInvalid:
    case ErrorCode.LogDayLimit:
    case ErrorCode.LogWeekLimit:
    case ErrorCode.LogWeekOutOfRange:
    case ErrorCode.CredentialMalformed:
    case ErrorCode.YearOutOfRange:
    case ErrorCode.AgeBandNotServed:
    case ErrorCode.AttainmentUnchanged:
    case ErrorCode.CodeRequired:
    case ErrorCode.CodeInvalid:
    case ErrorCode.CodeExpired:
    case ErrorCode.MfaCodeInvalid:
    case ErrorCode.MobileRequired:
    case ErrorCode.IdNumberConsentRequired:
      return 400;
    case ErrorCode.AuthRequired:
    case ErrorCode.AuthInvalidCredentials:
    case ErrorCode.AuthTokenInvalid:
    case ErrorCode.AuthRefreshInvalid:
    case ErrorCode.AuthStepUpRequired:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.AuthAccountDisabled:
    case ErrorCode.ProviderNotApproved:
    case ErrorCode.InvitationNotForYou:
    case ErrorCode.NotEnrolled:
    case ErrorCode.NotAParty:
    case ErrorCode.ProxyConsentRequired:
    case ErrorCode.MfaRequired:
    case ErrorCode.StepUpRequired:
    case ErrorCode.MfaResetOwn:
    case ErrorCode.ServicePointNotDesignated:
      return 403;
    case ErrorCode.NotFound:
    case ErrorCode.InvitationInvalid:
    case ErrorCode.LearnerNotFound:
      return 404;
    case ErrorCode.AccountExists:
    case ErrorCode.IdNumberTaken:
    case ErrorCode.CourseStateInvalid:
    case ErrorCode.ProviderStateInvalid:
    case ErrorCode.SessionHasEnrolments:
    case ErrorCode.EnterpriseExists:
    case ErrorCode.EnrolmentDuplicate:
    case ErrorCode.EnrolmentStateInvalid:
    case ErrorCode.CertificateNotReady:
    case ErrorCode.MentorsRequired:
    case ErrorCode.AgreementVersionChanged:
    case ErrorCode.AgreementStateInvalid:
    case ErrorCode.ApprenticeAlreadyActive:
    case ErrorCode.LogWeekLocked:
    case ErrorCode.LogStateInvalid:
    case ErrorCode.PeriodClosed:
    case ErrorCode.BaselineNotReady:
    case ErrorCode.CertificateAlreadyRevoked:
    case ErrorCode.SynonymExists:
    case ErrorCode.JobStateInvalid:
    case ErrorCode.CodeUsed:
    case ErrorCode.MfaCodeUsed:
    case ErrorCode.MfaAlreadyEnrolled:
    case ErrorCode.MfaNotEnrolled:
    case ErrorCode.AlreadyDesignated:
    case ErrorCode.PiiRotationRunning:
    case ErrorCode.PiiRotationStateInvalid:
    case ErrorCode.PrivacyNoticeOutdated:
    case ErrorCode.AccountClosed:
    case ErrorCode.AccountHasStaffRoles:
    case ErrorCode.IdNumberConsentNotGiven:
      return 409;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.CourseNotPublishable:
    case ErrorCode.LessonNotDoneYet:
    case ErrorCode.EnrolmentClosed:
    case ErrorCode.EnrolmentAgeNotAllowed:
    case ErrorCode.LearnerProfileRequired:
    case ErrorCode.ApprenticeTooYoung:
    case ErrorCode.GuardianRequired:
    case ErrorCode.CredentialForeignIssuer:
    case ErrorCode.CredentialUnknownKey:
    case ErrorCode.CredentialBadSignature:
      return 422;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.RateLimited:
    case ErrorCode.CodeAttemptsExhausted:
      return 429;
    case ErrorCode.ServiceUnavailable:
    case ErrorCode.PdfFontMissing:
    case ErrorCode.SmsUnavailable:
    case ErrorCode.PiiKeyUnknown:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}
