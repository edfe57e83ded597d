import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1795917163801 implements MigrationInterface {
  name = 'Catalogue1795917163801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "provider_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "contact" text NOT NULL,
                "role" text NOT NULL,
                "code" text NOT NULL,
                "invited_by_user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_provider_invitations_role" CHECK (role IN ('provider_staff', 'provider_admin')),
                CONSTRAINT "PK_f2be876e18f12080b5e9d0acf56" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_57d8ba2c52cea64ac4814ef991" ON "provider_invitations" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_e41bad7aa924a15152150678aa" ON "provider_invitations" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "occupation_code" text,
                "confers_attainment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_programmes_occupation_code" CHECK (
                    occupation_code IS NULL
                    OR occupation_code ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'
                ),
                CONSTRAINT "chk_programmes_kind" CHECK (
                    kind IN (
                        'vocational_skill',
                        'community',
                        'elderly',
                        'academic',
                        'apprenticeship'
                    )
                ),
                CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_207be74a9dbcec779437b50985" ON "programmes" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "title" text NOT NULL,
                "title_en" text,
                "category" text NOT NULL,
                "mode" text NOT NULL,
                "study_hours" numeric(6, 1) NOT NULL,
                "credits" numeric(5, 1) NOT NULL DEFAULT '0',
                "min_age" smallint,
                "max_age" smallint,
                "description" text NOT NULL DEFAULT '',
                "cover_text" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'draft',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "unpublished_reason" text,
                "search_vector" tsvector,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_courses_ages" CHECK (
                    min_age IS NULL
                    OR max_age IS NULL
                    OR min_age <= max_age
                ),
                CONSTRAINT "chk_courses_status" CHECK (status IN ('draft', 'published', 'archived')),
                CONSTRAINT "chk_courses_mode" CHECK (mode IN ('online', 'offline', 'blended')),
                CONSTRAINT "chk_courses_category" CHECK (
                    category IN (
                        'community_life',
                        'culture_arts',
                        'health',
                        'digital_skills',
                        'vocational_skills',
                        'agriculture',
                        'academic',
                        'family_education'
                    )
                ),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ed1bcadd9a66b1cf38a3e58b44" ON "courses" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_courses_provider_status" ON "courses" ("provider_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "lessons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "body" text,
                "video_url" text,
                "duration_minutes" integer,
                "quiz" jsonb,
                "required" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_lessons_course_position" UNIQUE ("course_id", "position") DEFERRABLE INITIALLY DEFERRED,
                CONSTRAINT "chk_lessons_content" CHECK (
                    (
                        kind = 'text'
                        AND body IS NOT NULL
                    )
                    OR (
                        kind = 'video'
                        AND video_url IS NOT NULL
                    )
                    OR (
                        kind = 'quiz'
                        AND quiz IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_lessons_kind" CHECK (kind IN ('text', 'video', 'quiz')),
                CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "course_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "label" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "capacity" integer NOT NULL,
                "enrolled_count" integer NOT NULL DEFAULT '0',
                "online" boolean NOT NULL DEFAULT false,
                "township_code" character(12),
                "village_code" character(12),
                "venue" text,
                "enrolment_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "enrolment_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_course_sessions_place" CHECK (
                    online
                    OR (
                        township_code IS NOT NULL
                        AND venue IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_course_sessions_capacity" CHECK (
                    capacity >= 1
                    AND enrolled_count >= 0
                    AND enrolled_count <= capacity
                ),
                CONSTRAINT "chk_course_sessions_window" CHECK (
                    enrolment_closes_at > enrolment_opens_at
                    AND enrolment_closes_at <= ends_at
                ),
                CONSTRAINT "chk_course_sessions_dates" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_5892d51884be5cf1399c00088d4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8b025b5d9642e727396089d3a3" ON "course_sessions" ("township_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_course_sessions_starts" ON "course_sessions" ("starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_course_sessions_course_starts" ON "course_sessions" ("course_id", "starts_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD "contact_name" text
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD "applicant_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD "decision_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD "decided_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD "decided_by_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD CONSTRAINT "FK_6d9d475205278f78d663f870fd2" FOREIGN KEY ("applicant_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_invitations"
            ADD CONSTRAINT "FK_57d8ba2c52cea64ac4814ef9913" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD CONSTRAINT "FK_207be74a9dbcec779437b509850" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "FK_6158bff272157e1e16498eed44d" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "FK_ed1bcadd9a66b1cf38a3e58b44a" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD CONSTRAINT "FK_2326715d0fd756d94e8966dec7a" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD CONSTRAINT "FK_8b025b5d9642e727396089d3a31" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD CONSTRAINT "FK_d6fb293300e069cb7ea07b51b74" FOREIGN KEY ("village_code") REFERENCES "villages"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP CONSTRAINT "FK_d6fb293300e069cb7ea07b51b74"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP CONSTRAINT "FK_8b025b5d9642e727396089d3a31"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP CONSTRAINT "FK_2326715d0fd756d94e8966dec7a"
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "FK_3c4e299cf8ed04093935e2e22fe"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "FK_ed1bcadd9a66b1cf38a3e58b44a"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "FK_6158bff272157e1e16498eed44d"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP CONSTRAINT "FK_207be74a9dbcec779437b509850"
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_invitations" DROP CONSTRAINT "FK_57d8ba2c52cea64ac4814ef9913"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP CONSTRAINT "FK_6d9d475205278f78d663f870fd2"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP COLUMN "decided_by_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP COLUMN "decided_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP COLUMN "decision_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP COLUMN "applicant_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP COLUMN "contact_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_course_sessions_course_starts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_course_sessions_starts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8b025b5d9642e727396089d3a3"
        `);
    await queryRunner.query(`
            DROP TABLE "course_sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "lessons"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_courses_provider_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ed1bcadd9a66b1cf38a3e58b44"
        `);
    await queryRunner.query(`
            DROP TABLE "courses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_207be74a9dbcec779437b50985"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e41bad7aa924a15152150678aa"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_57d8ba2c52cea64ac4814ef991"
        `);
    await queryRunner.query(`
            DROP TABLE "provider_invitations"
        `);
  }
}
