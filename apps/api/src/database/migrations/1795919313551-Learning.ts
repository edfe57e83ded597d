import { MigrationInterface, QueryRunner } from 'typeorm';

export class Learning1795919313551 implements MigrationInterface {
  name = 'Learning1795919313551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "learning_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "learner_user_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "course_title" text NOT NULL,
                "provider_name" text NOT NULL,
                "category" text NOT NULL,
                "hours" numeric(6, 1) NOT NULL,
                "credits" numeric(5, 1) NOT NULL,
                "completed_on" date NOT NULL,
                "evidence" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_dc4140ee15a51b6298a01dcdda" UNIQUE ("enrolment_id"),
                CONSTRAINT "PK_3060e4316a49c5f57e21a02f8b1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_09e3fcdf39df3ce55edd8ac1c6" ON "learning_records" ("learner_user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_dc4140ee15a51b6298a01dcdda" ON "learning_records" ("enrolment_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrolment_id" uuid NOT NULL,
                "learner_user_id" uuid NOT NULL,
                "number" text NOT NULL,
                "verification_code" text NOT NULL,
                "holder_name" text NOT NULL,
                "record_id" uuid NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "pdf" bytea,
                "pdf_generated_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_eae67dad555fdec30762dfcec2" ON "certificates" ("enrolment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ee6c7f3d65942b00b22385bbd3" ON "certificates" ("learner_user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8b379f595aea96c9406c5a4490" ON "certificates" ("number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b8da93b1f21f3ab2f62cf685f2" ON "certificates" ("verification_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "lesson_progress" (
                "learner_user_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "position" integer,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "best_score" smallint,
                "attempts" integer NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_94d8887f1bb28c1ae8aea01fb62" PRIMARY KEY ("learner_user_id", "lesson_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_112753761c2a01adab9677b717" ON "lesson_progress" ("course_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "attendance" (
                "enrolment_id" uuid NOT NULL,
                "class_date" date NOT NULL,
                "session_id" uuid NOT NULL,
                "recorded_by_user_id" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_769bb6db364cf7f2603d7cbc4da" PRIMARY KEY ("enrolment_id", "class_date")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5940f7beb6d791a618dbf88361" ON "attendance" ("session_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "class_dates" (
                "session_id" uuid NOT NULL,
                "class_date" date NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9bed26693e1882c81fac35ca7de" PRIMARY KEY ("session_id", "class_date")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "roster_imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "uploaded_by_user_id" uuid NOT NULL,
                "csv" text NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "enrolled" integer NOT NULL DEFAULT '0',
                "waitlisted" integer NOT NULL DEFAULT '0',
                "rejected_rows" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_roster_imports_status" CHECK (status IN ('queued', 'running', 'done', 'failed')),
                CONSTRAINT "PK_0d59095c8b83e5bb74bde511464" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a0114a12ccb2f78e26d3957ba5" ON "roster_imports" ("session_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD "completion_rule" text NOT NULL DEFAULT 'lessons'
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD "attendance_share" numeric(3, 2) NOT NULL DEFAULT '0.8'
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD "class_count" integer NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "chk_courses_completion" CHECK (
                    completion_rule IN ('lessons', 'attendance', 'both')
                    AND attendance_share > 0
                    AND attendance_share <= 1
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "FK_09e3fcdf39df3ce55edd8ac1c6a" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "FK_4a88028840f8b062a0070079a4b" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "FK_980e74721039ebe210fee2eeca2" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance"
            ADD CONSTRAINT "FK_619475bdf0b3bec25febcf4c25e" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "attendance" DROP CONSTRAINT "FK_619475bdf0b3bec25febcf4c25e"
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_980e74721039ebe210fee2eeca2"
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_4a88028840f8b062a0070079a4b"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "FK_09e3fcdf39df3ce55edd8ac1c6a"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "chk_courses_completion"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP COLUMN "class_count"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP COLUMN "attendance_share"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP COLUMN "completion_rule"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a0114a12ccb2f78e26d3957ba5"
        `);
    await queryRunner.query(`
            DROP TABLE "roster_imports"
        `);
    await queryRunner.query(`
            DROP TABLE "class_dates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5940f7beb6d791a618dbf88361"
        `);
    await queryRunner.query(`
            DROP TABLE "attendance"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_112753761c2a01adab9677b717"
        `);
    await queryRunner.query(`
            DROP TABLE "lesson_progress"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b8da93b1f21f3ab2f62cf685f2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8b379f595aea96c9406c5a4490"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ee6c7f3d65942b00b22385bbd3"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_eae67dad555fdec30762dfcec2"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_dc4140ee15a51b6298a01dcdda"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_09e3fcdf39df3ce55edd8ac1c6"
        `);
    await queryRunner.query(`
            DROP TABLE "learning_records"
        `);
  }
}
