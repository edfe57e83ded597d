import { MigrationInterface, QueryRunner } from 'typeorm';

export class Enrolment1795918619889 implements MigrationInterface {
  name = 'Enrolment1795918619889';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "learner_user_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "status" text NOT NULL,
                "queue_number" bigint NOT NULL,
                "source" text NOT NULL DEFAULT 'self',
                "enrolled_by_user_id" uuid,
                "proxy_relationship" text,
                "consent_recorded_at" TIMESTAMP WITH TIME ZONE,
                "seat_taken_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "outcome_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_enrolments_learner_session" UNIQUE ("learner_user_id", "session_id"),
                CONSTRAINT "chk_enrolments_proxy_consent" CHECK (
                    source <> 'proxy'
                    OR consent_recorded_at IS NOT NULL
                ),
                CONSTRAINT "chk_enrolments_source" CHECK (source IN ('self', 'staff', 'proxy', 'roster')),
                CONSTRAINT "chk_enrolments_status" CHECK (
                    status IN (
                        'waitlisted',
                        'enrolled',
                        'completed',
                        'withdrawn',
                        'failed'
                    )
                ),
                CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_008ee9efc31b587217d8332fc5" ON "enrolments" ("learner_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_88e4829cd9da8e01cc305788db" ON "enrolments" ("course_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_enrolments_session_status_queue" ON "enrolments" ("session_id", "status", "queue_number")
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_008ee9efc31b587217d8332fc59" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b" FOREIGN KEY ("session_id") REFERENCES "course_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_88e4829cd9da8e01cc305788db5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_88e4829cd9da8e01cc305788db5"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_008ee9efc31b587217d8332fc59"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_enrolments_session_status_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_88e4829cd9da8e01cc305788db"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_008ee9efc31b587217d8332fc5"
        `);
    await queryRunner.query(`
            DROP TABLE "enrolments"
        `);
  }
}
