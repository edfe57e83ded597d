import { Initial1795915372447 } from './1795915372447-Initial.js';
import { Integrity1795915372448 } from './1795915372448-Integrity.js';
import { Catalogue1795917163801 } from './1795917163801-Catalogue.js';
import { CatalogueSearch1795917163802 } from './1795917163802-CatalogueSearch.js';
import { Enrolment1795918619889 } from './1795918619889-Enrolment.js';
import { EnrolmentQueue1795918619890 } from './1795918619890-EnrolmentQueue.js';
import { Learning1795919313551 } from './1795919313551-Learning.js';
import { LearningIntegrity1795919313552 } from './1795919313552-LearningIntegrity.js';
import { SessionCancellation1795919836969 } from './1795919836969-SessionCancellation.js';
import { DisplayMode1795921928443 } from './1795921928443-DisplayMode.js';
import { Indicators1795925487850 } from './1795925487850-Indicators.js';
import { Apprenticeship1795924394579 } from './1795924394579-Apprenticeship.js';
import { RecordsByProvider1795926000000 } from './1795926000000-RecordsByProvider.js';
import { PdfProblems1796000000000 } from './1796000000000-PdfProblems.js';
import { Credentials1796410224643 } from './1796410224643-Credentials.js';
import { SecondFactorAndSessions1796421356807 } from './1796421356807-SecondFactorAndSessions.js';
import { CompletionEvidence1796500000000 } from './1796500000000-CompletionEvidence.js';
import { AttainmentEvents1796500000001 } from './1796500000001-AttainmentEvents.js';
import { ClassSchedule1796500000002 } from './1796500000002-ClassSchedule.js';
import { ServicePoints1796500000003 } from './1796500000003-ServicePoints.js';
import { PiiKeyRotation1796500000004 } from './1796500000004-PiiKeyRotation.js';
import { PrivacyConsents1796500000005 } from './1796500000005-PrivacyConsents.js';
import { AccountClosure1796600000000 } from './1796600000000-AccountClosure.js';
import { SearchWords1796100000000 } from './1796100000000-SearchWords.js';
import { CourseRequests1796100000001 } from './1796100000001-CourseRequests.js';
import { RefreshSuccessor1795930000000 } from './1795930000000-RefreshSuccessor.js';
import { SignInThrottleAndCodes1795930000001 } from './1795930000001-SignInThrottleAndCodes.js';
import { ProxyRelationships1795930000002 } from './1795930000002-ProxyRelationships.js';

/** Every migration, in order. `synchronize` is off everywhere: schema changes only come from here. */
export const MIGRATIONS = [
  Initial1795915372447,
  Integrity1795915372448,
  Catalogue1795917163801,
  CatalogueSearch1795917163802,
  Enrolment1795918619889,
  EnrolmentQueue1795918619890,
  Learning1795919313551,
  LearningIntegrity1795919313552,
  SessionCancellation1795919836969,
  DisplayMode1795921928443,
  Apprenticeship1795924394579,
  Indicators1795925487850,
  RecordsByProvider1795926000000,
  RefreshSuccessor1795930000000,
  SignInThrottleAndCodes1795930000001,
  ProxyRelationships1795930000002,
  PdfProblems1796000000000,
  SearchWords1796100000000,
  CourseRequests1796100000001,
  Credentials1796410224643,
  SecondFactorAndSessions1796421356807,
  CompletionEvidence1796500000000,
  AttainmentEvents1796500000001,
  ClassSchedule1796500000002,
  ServicePoints1796500000003,
  PiiKeyRotation1796500000004,
  PrivacyConsents1796500000005,
  AccountClosure1796600000000,
];
