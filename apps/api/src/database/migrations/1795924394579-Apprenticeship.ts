import { MigrationInterface, QueryRunner } from 'typeorm';

export class Apprenticeship1795924394579 implements MigrationInterface {
  name = 'Apprenticeship1795924394579';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Provider invitations become invitations to a provider or an enterprise (renamed, so nothing is lost).
    await queryRunner.query(`ALTER TABLE "provider_invitations" RENAME TO "invitations"`);
    await queryRunner.query(
      `ALTER TABLE "invitations" RENAME CONSTRAINT "PK_f2be876e18f12080b5e9d0acf56" TO "PK_5dec98cfdfd562e4ad3648bbb07"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" RENAME CONSTRAINT "FK_57d8ba2c52cea64ac4814ef9913" TO "FK_2d3e0f9d820836a2007ac2863c8"`,
    );
    await queryRunner.query(
      `ALTER INDEX "IDX_57d8ba2c52cea64ac4814ef991" RENAME TO "IDX_2d3e0f9d820836a2007ac2863c"`,
    );
    await queryRunner.query(
      `ALTER INDEX "IDX_e41bad7aa924a15152150678aa" RENAME TO "IDX_dfcfae6af22931048ef7307841"`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "chk_provider_invitations_role"`);
    await queryRunner.query(`ALTER TABLE "invitations" ALTER COLUMN "provider_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "enterprise_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_2cac5e8fc8736c769efa9744a4" ON "invitations" ("enterprise_id")`,
    );
    await queryRunner.query(`
            ALTER TABLE "invitations" ADD CONSTRAINT "chk_invitations_role"
            CHECK (role IN ('provider_staff', 'provider_admin', 'enterprise_mentor', 'enterprise_admin'))
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" ADD CONSTRAINT "chk_invitations_scope" CHECK (
                (role IN ('provider_staff', 'provider_admin') AND provider_id IS NOT NULL AND enterprise_id IS NULL)
                OR (role IN ('enterprise_mentor', 'enterprise_admin') AND enterprise_id IS NOT NULL AND provider_id IS NULL)
            )
        `);
    // Enterprises get administrators, who manage their accounts (TypeORM does not see CHECK expression changes).
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "chk_role_assignments_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "chk_role_assignments_scope"`);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" ADD CONSTRAINT "chk_role_assignments_role" CHECK (
                role IN ('learner', 'provider_staff', 'provider_admin', 'enterprise_mentor', 'enterprise_admin',
                         'bureau_analyst', 'bureau_admin')
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" ADD CONSTRAINT "chk_role_assignments_scope" CHECK (
                (role IN ('provider_staff', 'provider_admin') AND provider_id IS NOT NULL AND enterprise_id IS NULL)
                OR (role IN ('enterprise_mentor', 'enterprise_admin') AND enterprise_id IS NOT NULL AND provider_id IS NULL)
                OR (role IN ('bureau_analyst', 'bureau_admin') AND provider_id IS NULL AND enterprise_id IS NULL)
                OR (role = 'learner' AND provider_id IS NULL AND enterprise_id IS NULL AND township_prefix IS NULL)
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_agreements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "scheme" text NOT NULL,
                "provider_id" uuid NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "apprentice_user_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "occupation_code" text,
                "occupation_name" text NOT NULL,
                "school_mentor_user_id" uuid,
                "enterprise_mentor_user_id" uuid,
                "start_date" date NOT NULL,
                "planned_end_date" date NOT NULL,
                "planned_school_hours" integer NOT NULL,
                "planned_workplace_hours" integer NOT NULL,
                "guardian_name" text,
                "guardian_relationship" text,
                "guardian_mobile" character varying(11),
                "version" integer NOT NULL DEFAULT '1',
                "predecessor_id" uuid,
                "created_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_agreements_hours" CHECK (
                    planned_school_hours >= 0
                    AND planned_workplace_hours >= 0
                ),
                CONSTRAINT "chk_agreements_dates" CHECK (planned_end_date > start_date),
                CONSTRAINT "chk_agreements_scheme" CHECK (scheme IN ('modern', 'enterprise_new')),
                CONSTRAINT "PK_775cbd006459e4dace38b2bdbd1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_571062c1eaa1b6c628b44d1aea" ON "apprenticeship_agreements" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3e84052bbb85c4609fbdf7f939" ON "apprenticeship_agreements" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_460679d69bae003b7729acc43f" ON "apprenticeship_agreements" ("apprentice_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_73d0dfe806f01a189ef0a919fb" ON "apprenticeship_agreements" ("school_mentor_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2c3d1e774186c27af6e95e87da" ON "apprenticeship_agreements" ("enterprise_mentor_user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_35aa10f56606f3c91c65ccf140" ON "apprenticeship_agreements" ("predecessor_id")
            WHERE predecessor_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_agreement_versions" (
                "agreement_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "terms" jsonb NOT NULL,
                "created_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a76b5a1fef7e6d596458acc0601" PRIMARY KEY ("agreement_id", "version")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_confirmations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agreement_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "party" text NOT NULL,
                "confirmed_by_user_id" uuid NOT NULL,
                "note" text,
                "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_confirmations_party" UNIQUE ("agreement_id", "version", "party"),
                CONSTRAINT "chk_confirmations_party" CHECK (
                    party IN ('school', 'enterprise', 'apprentice', 'guardian')
                ),
                CONSTRAINT "PK_3e451a3aec9df6a87834af0424d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_events" (
                "seq" BIGSERIAL NOT NULL,
                "agreement_id" uuid NOT NULL,
                "type" text NOT NULL,
                "state_after" text,
                "effective_date" date NOT NULL,
                "version" integer NOT NULL,
                "actor_user_id" uuid,
                "reason_code" text,
                "reason" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_events_state" CHECK (
                    state_after IS NULL
                    OR state_after IN (
                        'pending',
                        'active',
                        'paused',
                        'withdrawn',
                        'transferred',
                        'completed'
                    )
                ),
                CONSTRAINT "chk_events_type" CHECK (
                    type IN (
                        'drafted',
                        'amended',
                        'confirmed',
                        'activated',
                        'paused',
                        'resumed',
                        'withdrawn',
                        'transferred',
                        'completed'
                    )
                ),
                CONSTRAINT "PK_1cfd8a34132c2341e8f2d41938a" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_events_agreement_seq" ON "apprenticeship_events" ("agreement_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_log_weeks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agreement_id" uuid NOT NULL,
                "week_start" date NOT NULL,
                "description" text NOT NULL,
                "school_hours" numeric(4, 1) NOT NULL,
                "workplace_hours" numeric(4, 1) NOT NULL,
                "school_status" text NOT NULL,
                "workplace_status" text NOT NULL,
                "school_signed_by_user_id" uuid,
                "school_signed_at" TIMESTAMP WITH TIME ZONE,
                "school_comment" text,
                "workplace_signed_by_user_id" uuid,
                "workplace_signed_at" TIMESTAMP WITH TIME ZONE,
                "workplace_comment" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_log_weeks_agreement_week" UNIQUE ("agreement_id", "week_start"),
                CONSTRAINT "chk_log_weeks_status" CHECK (
                    school_status IN ('none', 'submitted', 'signed', 'returned')
                    AND workplace_status IN ('none', 'submitted', 'signed', 'returned')
                ),
                CONSTRAINT "chk_log_weeks_workplace" CHECK (workplace_hours <= 40),
                CONSTRAINT "chk_log_weeks_monday" CHECK (
                    extract(
                        isodow
                        FROM week_start
                    ) = 1
                ),
                CONSTRAINT "PK_e0c222c099f552fc562f3cb94ac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_log_days" (
                "week_id" uuid NOT NULL,
                "day" date NOT NULL,
                "school_hours" numeric(3, 1) NOT NULL,
                "workplace_hours" numeric(3, 1) NOT NULL,
                CONSTRAINT "chk_log_days_hours" CHECK (
                    school_hours >= 0
                    AND workplace_hours >= 0
                    AND workplace_hours <= 8
                ),
                CONSTRAINT "PK_ffe54824845dabb93fd051885d1" PRIMARY KEY ("week_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "apprenticeship_assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agreement_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "result" text NOT NULL,
                "assessed_on" date NOT NULL,
                "assessor_user_id" uuid NOT NULL,
                "assessor_side" text NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_assessments_side" CHECK (assessor_side IN ('school', 'workplace')),
                CONSTRAINT "chk_assessments_result" CHECK (result IN ('passed', 'failed')),
                CONSTRAINT "chk_assessments_kind" CHECK (kind IN ('milestone', 'final')),
                CONSTRAINT "PK_098a2388eb25f9d719338c8f7c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_01a1afd980c7fce671ab531a18" ON "apprenticeship_assessments" ("agreement_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD "agreement_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "agreement_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ALTER COLUMN "enrolment_id" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ALTER COLUMN "course_id" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ALTER COLUMN "enrolment_id" DROP NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4466acda548c5f9f5012a0ae81" ON "learning_records" ("agreement_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ea9c88f4f6067436d24d77dbbd" ON "certificates" ("agreement_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "chk_learning_records_source" CHECK (num_nonnulls(enrolment_id, agreement_id) = 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "chk_certificates_source" CHECK (num_nonnulls(enrolment_id, agreement_id) = 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_2cac5e8fc8736c769efa9744a48" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_571062c1eaa1b6c628b44d1aea6" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_3e84052bbb85c4609fbdf7f939c" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_460679d69bae003b7729acc43fa" FOREIGN KEY ("apprentice_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_d9388fd06f537cedd7d744f676a" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_73d0dfe806f01a189ef0a919fba" FOREIGN KEY ("school_mentor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_2c3d1e774186c27af6e95e87da4" FOREIGN KEY ("enterprise_mentor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements"
            ADD CONSTRAINT "FK_5814d54ca293816d84952985276" FOREIGN KEY ("predecessor_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreement_versions"
            ADD CONSTRAINT "FK_8d1404d07ce5b9206e2aed1b543" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_confirmations"
            ADD CONSTRAINT "FK_3c49057b6dd49005bf6dabe1af8" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_events"
            ADD CONSTRAINT "FK_914d2a655a1f4e3050a86d1e302" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_log_weeks"
            ADD CONSTRAINT "FK_2507ec6be3a9c222858160859ec" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_log_days"
            ADD CONSTRAINT "FK_ade413bc65a6c8cdffe303c6c64" FOREIGN KEY ("week_id") REFERENCES "apprenticeship_log_weeks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_assessments"
            ADD CONSTRAINT "FK_01a1afd980c7fce671ab531a18e" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "FK_4466acda548c5f9f5012a0ae819" FOREIGN KEY ("agreement_id") REFERENCES "apprenticeship_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The history of an agreement and the terms and confirmations of each version never change afterwards.
    await queryRunner.query(`
            CREATE FUNCTION apprenticeship_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    for (const table of [
      'apprenticeship_events',
      'apprenticeship_agreement_versions',
      'apprenticeship_confirmations',
    ]) {
      await queryRunner.query(`
                CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
                FOR EACH ROW EXECUTE FUNCTION apprenticeship_append_only()
            `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'apprenticeship_events',
      'apprenticeship_agreement_versions',
      'apprenticeship_confirmations',
    ]) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_change ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION apprenticeship_append_only()`);
    await queryRunner.query(`DELETE FROM "invitations" WHERE enterprise_id IS NOT NULL`);
    await queryRunner.query(`DELETE FROM "role_assignments" WHERE role = 'enterprise_admin'`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "chk_role_assignments_role"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "chk_role_assignments_scope"`);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" ADD CONSTRAINT "chk_role_assignments_role" CHECK (
                role IN ('learner', 'provider_staff', 'provider_admin', 'enterprise_mentor', 'bureau_analyst', 'bureau_admin')
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "role_assignments" ADD CONSTRAINT "chk_role_assignments_scope" CHECK (
                (role IN ('provider_staff', 'provider_admin') AND provider_id IS NOT NULL AND enterprise_id IS NULL)
                OR (role = 'enterprise_mentor' AND enterprise_id IS NOT NULL AND provider_id IS NULL)
                OR (role IN ('bureau_analyst', 'bureau_admin') AND provider_id IS NULL AND enterprise_id IS NULL)
                OR (role = 'learner' AND provider_id IS NULL AND enterprise_id IS NULL AND township_prefix IS NULL)
            )
        `);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "chk_invitations_scope"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "chk_invitations_role"`);
    await queryRunner.query(`DROP INDEX "IDX_2cac5e8fc8736c769efa9744a4"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "enterprise_id"`);
    await queryRunner.query(`ALTER TABLE "invitations" ALTER COLUMN "provider_id" SET NOT NULL`);
    await queryRunner.query(`
            ALTER TABLE "invitations" ADD CONSTRAINT "chk_provider_invitations_role"
            CHECK (role IN ('provider_staff', 'provider_admin'))
        `);
    await queryRunner.query(
      `ALTER INDEX "IDX_dfcfae6af22931048ef7307841" RENAME TO "IDX_e41bad7aa924a15152150678aa"`,
    );
    await queryRunner.query(
      `ALTER INDEX "IDX_2d3e0f9d820836a2007ac2863c" RENAME TO "IDX_57d8ba2c52cea64ac4814ef991"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" RENAME CONSTRAINT "FK_2d3e0f9d820836a2007ac2863c8" TO "FK_57d8ba2c52cea64ac4814ef9913"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" RENAME CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" TO "PK_f2be876e18f12080b5e9d0acf56"`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" RENAME TO "provider_invitations"`);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "FK_4466acda548c5f9f5012a0ae819"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_assessments" DROP CONSTRAINT "FK_01a1afd980c7fce671ab531a18e"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_log_days" DROP CONSTRAINT "FK_ade413bc65a6c8cdffe303c6c64"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_log_weeks" DROP CONSTRAINT "FK_2507ec6be3a9c222858160859ec"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_events" DROP CONSTRAINT "FK_914d2a655a1f4e3050a86d1e302"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_confirmations" DROP CONSTRAINT "FK_3c49057b6dd49005bf6dabe1af8"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreement_versions" DROP CONSTRAINT "FK_8d1404d07ce5b9206e2aed1b543"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_5814d54ca293816d84952985276"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_2c3d1e774186c27af6e95e87da4"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_73d0dfe806f01a189ef0a919fba"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_d9388fd06f537cedd7d744f676a"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_460679d69bae003b7729acc43fa"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_3e84052bbb85c4609fbdf7f939c"
        `);
    await queryRunner.query(`
            ALTER TABLE "apprenticeship_agreements" DROP CONSTRAINT "FK_571062c1eaa1b6c628b44d1aea6"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "chk_certificates_source"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP CONSTRAINT "chk_learning_records_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ea9c88f4f6067436d24d77dbbd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4466acda548c5f9f5012a0ae81"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ALTER COLUMN "enrolment_id"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ALTER COLUMN "course_id"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ALTER COLUMN "enrolment_id"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records"
            ADD CONSTRAINT "FK_dc4140ee15a51b6298a01dcddaa" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "agreement_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "learning_records" DROP COLUMN "agreement_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_01a1afd980c7fce671ab531a18"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_assessments"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_log_days"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_log_weeks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_events_agreement_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_events"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_confirmations"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_agreement_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_35aa10f56606f3c91c65ccf140"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2c3d1e774186c27af6e95e87da"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_73d0dfe806f01a189ef0a919fb"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_460679d69bae003b7729acc43f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3e84052bbb85c4609fbdf7f939"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_571062c1eaa1b6c628b44d1aea"
        `);
    await queryRunner.query(`
            DROP TABLE "apprenticeship_agreements"
        `);
  }
}
