/**
 * Writes that leave no audit event, each with the reason. Every other acknowledged write records at least one in its
 * own transaction; `unauditedWrites` (apps/api/src/testing/audit-coverage.ts) checks this after every API test file.
 */
export const UNAUDITED_WRITES: Record<string, string> = {
  'POST /api/auth/refresh':
    'Rotates the token of an open session. Signing in and out, and a reused token ending a session, are audited.',
  'PUT /api/me/lessons/:lessonId/progress':
    'The learner’s own reading or viewing position, saved every few seconds; lesson_progress keeps its time. ' +
    'The completion it leads to is audited (enrolment.completed).',
  'POST /api/me/lessons/:lessonId/quiz-attempts':
    'The learner’s own quiz answers; the best score and the number of attempts are kept in lesson_progress, and ' +
    'the completion they lead to is audited (enrolment.completed).',
  'POST /api/verify/credential':
    'Reads only: anyone may check an uploaded credential; nothing is stored (a POST because the file is the body).',
  'POST /api/me/notifications/:id/read':
    'Marks one of the user’s own messages read; the message keeps read_at.',
};

/**
 * Every route the bureau may read, and whether what it shows is about identifiable people. The bureau sees
 * aggregates (with small cells suppressed); where a page does show individuals (a provider's contact person, the
 * trail of who did what), each view is audited. A bureau route missing here fails `security/bureau-reads.spec.ts`.
 */
export const BUREAU_READS: Record<string, 'aggregate' | 'organisations' | 'audited' | 'operations'> = {
  'GET /api/providers': 'audited',
  'GET /api/audit/events': 'audited',
  'GET /api/service-points/staff': 'audited',
  // Job queues: counts, job names, ids, attempts and errors; never a job's data, so nothing about a person.
  'GET /api/admin/queues': 'operations',
  // Key rotation: key versions, row counts by version and run progress; no ID number, hash or person.
  'GET /api/admin/pii-rotations': 'operations',
  'GET /api/enterprises': 'organisations',
  'GET /api/indicators': 'aggregate',
  'GET /api/indicators/periods': 'aggregate',
  'GET /api/indicators/drill': 'aggregate',
  'GET /api/indicators/export.csv': 'aggregate',
  'GET /api/indicators/export.xlsx': 'aggregate',
  // Counts of completions by provider: organisations and numbers, no person.
  'GET /api/data-quality/fast-completions': 'aggregate',
  // The enrolments behind them: one row per learner (name masked), so each view is audited with the rows shown.
  'GET /api/data-quality/fast-completions/rows': 'audited',
  // Published cells of a closed year and their recomputation, with the publication's suppression.
  'GET /api/data-quality/moved-figures': 'aggregate',
  'GET /api/population-baselines': 'aggregate',
  'GET /api/population-baselines/{id}': 'aggregate',
  'GET /api/population-baselines/{id}/errors.csv': 'aggregate',
  'GET /api/search-synonyms': 'organisations',
  'GET /api/course-requests/summary': 'aggregate',
};
