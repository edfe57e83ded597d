import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "I want to learn …" wishes left on an empty search (issue 19), counted by township and word for planning. */
export class CourseRequests1796100000001 implements MigrationInterface {
  name = 'CourseRequests1796100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "course_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "township_code" character(12) NOT NULL,
        "text" text NOT NULL,
        "words" text array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_course_requests_user_text" UNIQUE ("user_id", "text"),
        CONSTRAINT "PK_course_requests" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_course_requests_township" ON "course_requests" ("township_code")`);
    await q.query(`ALTER TABLE "course_requests" ADD CONSTRAINT "FK_29304d4ff93c25ab003eb1e8182" FOREIGN KEY ("user_id")
                     REFERENCES "users"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "course_requests" ADD CONSTRAINT "FK_dd4d75a7293fda146f45a01c2be" FOREIGN KEY ("township_code")
                     REFERENCES "townships"("code") ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "course_requests"`);
  }
}
