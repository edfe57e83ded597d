import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completion that means learning (issue 18). Each course says how much of a video must have been played (percent of
 * the lesson's stated length, 80 by default) and how long a text lesson must have been open (seconds, 60 by default).
 * Lesson progress keeps the evidence: the played stretches of a video (merged [from, to) seconds), their total, the
 * seconds a text lesson was read, and the time of the last report, against which the next one is checked.
 */
export class CompletionEvidence1796500000000 implements MigrationInterface {
  name = 'CompletionEvidence1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "courses" ADD "video_share_percent" smallint NOT NULL DEFAULT 80`);
    await q.query(`ALTER TABLE "courses" ADD "text_min_seconds" integer NOT NULL DEFAULT 60`);
    await q.query(`ALTER TABLE "courses" ADD CONSTRAINT "chk_courses_evidence"
                     CHECK (video_share_percent BETWEEN 0 AND 100 AND text_min_seconds BETWEEN 0 AND 7200)`);
    await q.query(`ALTER TABLE "lesson_progress" ADD "played" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "lesson_progress" ADD "played_seconds" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "lesson_progress" ADD "read_seconds" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "lesson_progress" ADD "last_report_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "lesson_progress" DROP COLUMN "last_report_at"`);
    await q.query(`ALTER TABLE "lesson_progress" DROP COLUMN "read_seconds"`);
    await q.query(`ALTER TABLE "lesson_progress" DROP COLUMN "played_seconds"`);
    await q.query(`ALTER TABLE "lesson_progress" DROP COLUMN "played"`);
    await q.query(`ALTER TABLE "courses" DROP CONSTRAINT "chk_courses_evidence"`);
    await q.query(`ALTER TABLE "courses" DROP COLUMN "text_min_seconds"`);
    await q.query(`ALTER TABLE "courses" DROP COLUMN "video_share_percent"`);
  }
}
