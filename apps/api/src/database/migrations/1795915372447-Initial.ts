import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795915372447 implements MigrationInterface {
  name = 'Initial1795915372447';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "on_behalf_of_user_id" uuid,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" text,
                "request_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3648e11676f1929b9875ee272b" ON "audit_events" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_da4e1f7755a2ab9a8b7ddefaa4" ON "audit_events" ("actor_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "townships" (
                "code" character(12) NOT NULL,
                "name" text NOT NULL,
                "name_en" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c8e22f944b8265356df1ace1db6" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "villages" (
                "code" character(12) NOT NULL,
                "township_code" character(12) NOT NULL,
                "name" text NOT NULL,
                "name_en" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e525e291a960d23fc475c2fb067" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d3eee88b5978347e2c1bd29ab4" ON "villages" ("township_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "providers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "township_code" character(12) NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "contact_phone" text,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_providers_status" CHECK (
                    status IN ('pending', 'approved', 'rejected', 'suspended')
                ),
                CONSTRAINT "chk_providers_kind" CHECK (
                    kind IN (
                        'vocational_school',
                        'community_college',
                        'elderly_university',
                        'training_centre',
                        'open_university'
                    )
                ),
                CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3f689024716ba3172bd5adaa26" ON "providers" ("township_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprises" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "credit_code" character(18) NOT NULL,
                "industry" text NOT NULL,
                "township_code" character(12) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a019e9afe6517b4f2a4588f2cce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bca102e5421c71d700c4ee4ff9" ON "enterprises" ("credit_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2c6413cfcb6d44b2dbc0110646" ON "enterprises" ("township_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "mobile" character varying(11),
                "email" text,
                "password_hash" text NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "locale" text NOT NULL DEFAULT 'zh-CN',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_users_locale" CHECK (locale IN ('zh-CN', 'en')),
                CONSTRAINT "chk_users_status" CHECK (status IN ('active', 'disabled')),
                CONSTRAINT "chk_users_contact" CHECK (
                    mobile IS NOT NULL
                    OR email IS NOT NULL
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2b54b07fe7a9309a3cc06e1f26" ON "users" ("mobile")
            WHERE mobile IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3be5894c040bc2b1930b041262" ON "users" ("email")
            WHERE email IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "role_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" text NOT NULL,
                "provider_id" uuid,
                "enterprise_id" uuid,
                "township_prefix" character varying(12),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_role_assignments_prefix" CHECK (
                    township_prefix IS NULL
                    OR township_prefix ~ '^[0-9]{6,12}$'
                ),
                CONSTRAINT "chk_role_assignments_scope" CHECK (
                    (
                        role IN ('provider_staff', 'provider_admin')
                        AND provider_id IS NOT NULL
                        AND enterprise_id IS NULL
                    )
                    OR (
                        role = 'enterprise_mentor'
                        AND enterprise_id IS NOT NULL
                        AND provider_id IS NULL
                    )
                    OR (
                        role IN ('bureau_analyst', 'bureau_admin')
                        AND provider_id IS NULL
                        AND enterprise_id IS NULL
                    )
                    OR (
                        role = 'learner'
                        AND provider_id IS NULL
                        AND enterprise_id IS NULL
                        AND township_prefix IS NULL
                    )
                ),
                CONSTRAINT "chk_role_assignments_role" CHECK (
                    role IN (
                        'learner',
                        'provider_staff',
                        'provider_admin',
                        'enterprise_mentor',
                        'bureau_analyst',
                        'bureau_admin'
                    )
                ),
                CONSTRAINT "PK_fc2df9835ac1d2a34839f113783" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d91c8ac0c10fd8c6acdcc5ee94" ON "role_assignments" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ddbe3e604e209d64f7390f5575" ON "role_assignments" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c6b5e906db8608b9c4301e0bcc" ON "role_assignments" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "learner_profiles" (
                "user_id" uuid NOT NULL,
                "birth_date" date NOT NULL,
                "sex" text NOT NULL,
                "township_code" character(12) NOT NULL,
                "village_code" character(12) NOT NULL,
                "attainment" text NOT NULL,
                "employment_status" text NOT NULL,
                "id_number_enc" bytea,
                "id_number_hash" character(64),
                "id_number_masked" character varying(18),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_learner_profiles_id_number" CHECK (
                    (id_number_enc IS NULL) = (id_number_hash IS NULL)
                    AND (id_number_hash IS NULL) = (id_number_masked IS NULL)
                ),
                CONSTRAINT "chk_learner_profiles_employment" CHECK (
                    employment_status IN (
                        'employed',
                        'self_employed',
                        'farmer',
                        'unemployed',
                        'student',
                        'retired',
                        'other'
                    )
                ),
                CONSTRAINT "chk_learner_profiles_attainment" CHECK (
                    attainment IN (
                        'none',
                        'primary',
                        'junior_secondary',
                        'senior_secondary',
                        'secondary_vocational',
                        'junior_college',
                        'bachelor',
                        'postgraduate'
                    )
                ),
                CONSTRAINT "chk_learner_profiles_sex" CHECK (sex IN ('male', 'female')),
                CONSTRAINT "PK_94cd9a55d9923c7f859e683c051" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b9a4019f78af0021d9bdfe6026" ON "learner_profiles" ("township_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e4be2098d521454dd33ee97e8c" ON "learner_profiles" ("village_code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_35abc63bbc480f78deee396f01" ON "learner_profiles" ("id_number_hash")
            WHERE id_number_hash IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" text,
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_50ccaa6440288a06f0ba693ccc" ON "auth_sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "token_hash" character(64) NOT NULL,
                "session_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a7838d2ba25be1342091b6695f1" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3bf308fa93da3966f9e76fcfba" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "rate_limit_buckets" (
                "key" text NOT NULL,
                "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "hits" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_70ba71f3f09699ab2a393590e06" PRIMARY KEY ("key", "window_start")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "job_outbox" (
                "id" BIGSERIAL NOT NULL,
                "queue" text NOT NULL,
                "name" text NOT NULL,
                "job_id" text NOT NULL,
                "payload" jsonb NOT NULL,
                "request_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "relay_attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_c3ba45dab51e3016acef18d0433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_485bc67ec1b6f9cea8df5c4ef5" ON "job_outbox" ("job_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_job_outbox_pending" ON "job_outbox" ("id")
            WHERE sent_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "params" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" text NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1ce34a3c9fd97cd56bcb734ca9" ON "notifications" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_user_created" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "villages"
            ADD CONSTRAINT "FK_d3eee88b5978347e2c1bd29ab46" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "providers"
            ADD CONSTRAINT "FK_3f689024716ba3172bd5adaa264" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD CONSTRAINT "FK_2c6413cfcb6d44b2dbc01106461" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_ddbe3e604e209d64f7390f55751" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_c6b5e906db8608b9c4301e0bccd" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles"
            ADD CONSTRAINT "FK_94cd9a55d9923c7f859e683c051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles"
            ADD CONSTRAINT "FK_b9a4019f78af0021d9bdfe60264" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles"
            ADD CONSTRAINT "FK_e4be2098d521454dd33ee97e8c8" FOREIGN KEY ("village_code") REFERENCES "villages"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles" DROP CONSTRAINT "FK_e4be2098d521454dd33ee97e8c8"
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles" DROP CONSTRAINT "FK_b9a4019f78af0021d9bdfe60264"
        `);
    await queryRunner.query(`
            ALTER TABLE "learner_profiles" DROP CONSTRAINT "FK_94cd9a55d9923c7f859e683c051"
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_c6b5e906db8608b9c4301e0bccd"
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_ddbe3e604e209d64f7390f55751"
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP CONSTRAINT "FK_2c6413cfcb6d44b2dbc01106461"
        `);
    await queryRunner.query(`
            ALTER TABLE "providers" DROP CONSTRAINT "FK_3f689024716ba3172bd5adaa264"
        `);
    await queryRunner.query(`
            ALTER TABLE "villages" DROP CONSTRAINT "FK_d3eee88b5978347e2c1bd29ab46"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_user_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1ce34a3c9fd97cd56bcb734ca9"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_job_outbox_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_485bc67ec1b6f9cea8df5c4ef5"
        `);
    await queryRunner.query(`
            DROP TABLE "job_outbox"
        `);
    await queryRunner.query(`
            DROP TABLE "rate_limit_buckets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3bf308fa93da3966f9e76fcfba"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_50ccaa6440288a06f0ba693ccc"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_35abc63bbc480f78deee396f01"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e4be2098d521454dd33ee97e8c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b9a4019f78af0021d9bdfe6026"
        `);
    await queryRunner.query(`
            DROP TABLE "learner_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c6b5e906db8608b9c4301e0bcc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ddbe3e604e209d64f7390f5575"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d91c8ac0c10fd8c6acdcc5ee94"
        `);
    await queryRunner.query(`
            DROP TABLE "role_assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3be5894c040bc2b1930b041262"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2b54b07fe7a9309a3cc06e1f26"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2c6413cfcb6d44b2dbc0110646"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bca102e5421c71d700c4ee4ff9"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprises"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3f689024716ba3172bd5adaa26"
        `);
    await queryRunner.query(`
            DROP TABLE "providers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d3eee88b5978347e2c1bd29ab4"
        `);
    await queryRunner.query(`
            DROP TABLE "villages"
        `);
    await queryRunner.query(`
            DROP TABLE "townships"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_da4e1f7755a2ab9a8b7ddefaa4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
