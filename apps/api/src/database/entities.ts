import {
  AgreementConfirmation,
  AgreementEvent,
  AgreementVersion,
  ApprenticeshipAgreement,
  Assessment,
  LogDay,
  LogWeek,
} from '../apprenticeship/apprenticeship.entities.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { PrivacyConsent } from '../privacy/privacy.entities.js';
import { PiiRotation } from '../people/pii-rotation.entity.js';
import { Course, CourseSession, Lesson, Programme } from '../catalogue/catalogue.entities.js';
import { SearchSynonym } from '../catalogue/search/search.entities.js';
import { CourseRequest } from '../catalogue/demand/demand.entities.js';
import { AuthSession, LoginFailure, RateLimitBucket, RefreshToken } from '../auth/auth.entities.js';
import { MfaRecoveryCode, UserTotp } from '../auth/mfa/mfa.entities.js';
import { VerificationCode } from '../verification/verification.entities.js';
import { ProxyRelationship } from '../proxy/proxy.entities.js';
import { InPersonResetCode, ServicePointStaff } from '../service-point/service-point.entities.js';
import { Certificate, CredentialSigningKey, LearningRecord } from '../credentials/credentials.entities.js';
import { Attendance, ClassDate, LessonProgress, RosterImport } from '../learning/learning.entities.js';
import {
  IndicatorPeriod,
  IndicatorSnapshot,
  IndicatorTarget,
  PopulationBaseline,
  PopulationCell,
} from '../indicators/indicators.entities.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { Township, Village } from '../geo/geo.entities.js';
import { OutboxJob } from '../jobs/outbox.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { ClassReminder } from '../notifications/class-reminder.entity.js';
import { Enterprise, Provider, Invitation } from '../organisations/organisation.entities.js';
import { LearnerProfile, RoleAssignment, User } from '../people/people.entities.js';
import { AttainmentEvent } from '../attainment/attainment.entities.js';

export const ENTITIES = [
  LoginFailure,
  VerificationCode,
  ProxyRelationship,
  ServicePointStaff,
  InPersonResetCode,
  Township,
  Village,
  Provider,
  Enterprise,
  User,
  RoleAssignment,
  LearnerProfile,
  AttainmentEvent,
  AuthSession,
  UserTotp,
  MfaRecoveryCode,
  RefreshToken,
  RateLimitBucket,
  Notification,
  ClassReminder,
  AuditEvent,
  OutboxJob,
  Invitation,
  Programme,
  Course,
  Lesson,
  CourseSession,
  SearchSynonym,
  CourseRequest,
  Enrolment,
  LessonProgress,
  Attendance,
  ClassDate,
  RosterImport,
  LearningRecord,
  Certificate,
  CredentialSigningKey,
  ApprenticeshipAgreement,
  AgreementVersion,
  AgreementConfirmation,
  AgreementEvent,
  LogWeek,
  LogDay,
  Assessment,
  PopulationBaseline,
  PopulationCell,
  IndicatorTarget,
  IndicatorPeriod,
  IndicatorSnapshot,
  PiiRotation,
  PrivacyConsent,
];
