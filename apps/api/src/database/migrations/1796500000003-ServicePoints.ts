import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Township service points: staff the bureau designates, consent recorded in person (with the document checked),
 * managed accounts for residents without a phone of their own, and one-time in-person reset codes.
 */
export class ServicePoints1796500000003 implements MigrationInterface {
  name = 'ServicePoints1796500000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "managed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "account_number" character varying(9)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_users_account_number" ON "users" ("account_number") WHERE account_number IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_contact"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_contact" CHECK (mobile IS NOT NULL OR email IS NOT NULL OR account_number IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_account_number" CHECK (account_number IS NULL OR account_number ~ '^[2-9][0-9]{8}$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_managed_number" CHECK (NOT managed OR account_number IS NOT NULL)`,
    );

    await queryRunner.query(
      `CREATE TABLE "service_point_staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "township_code" character(12) NOT NULL, "designated_by_user_id" uuid NOT NULL, "designated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by_user_id" uuid, CONSTRAINT "chk_service_point_staff_withdrawn" CHECK ((withdrawn_at IS NULL) = (withdrawn_by_user_id IS NULL)), CONSTRAINT "PK_service_point_staff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_service_point_staff_user" ON "service_point_staff" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_service_point_staff_live" ON "service_point_staff" ("user_id", "township_code") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_point_staff" ADD CONSTRAINT "FK_service_point_staff_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_point_staff" ADD CONSTRAINT "FK_service_point_staff_township" FOREIGN KEY ("township_code") REFERENCES "townships"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "proxy_relationships" ADD "consent_document_type" text`);
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" DROP CONSTRAINT "chk_proxy_relationships_in_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" ADD CONSTRAINT "chk_proxy_relationships_in_person" CHECK (confirmed_via <> 'in_person' OR (recorded_by_user_id IS NOT NULL AND consent_form_date IS NOT NULL AND consent_document_type IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" ADD CONSTRAINT "chk_proxy_relationships_document" CHECK (consent_document_type IS NULL OR consent_document_type IN ('resident_id_card','temporary_id_card','household_register'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_proxy_relationships_live_in_person" ON "proxy_relationships" ("proxy_user_id", "learner_user_id") WHERE revoked_at IS NULL AND confirmed_via = 'in_person'`,
    );

    await queryRunner.query(
      `CREATE TABLE "in_person_reset_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "issued_by_user_id" uuid NOT NULL, "township_code" character(12) NOT NULL, "document_type" text NOT NULL, "attempts" integer NOT NULL DEFAULT 0, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_in_person_reset_codes_document" CHECK (document_type IN ('resident_id_card','temporary_id_card','household_register')), CONSTRAINT "PK_in_person_reset_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_in_person_reset_codes_user" ON "in_person_reset_codes" ("user_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "in_person_reset_codes" ADD CONSTRAINT "FK_in_person_reset_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "in_person_reset_codes"`);
    await queryRunner.query(`DROP INDEX "uq_proxy_relationships_live_in_person"`);
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" DROP CONSTRAINT "chk_proxy_relationships_document"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" DROP CONSTRAINT "chk_proxy_relationships_in_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" ADD CONSTRAINT "chk_proxy_relationships_in_person" CHECK (confirmed_via <> 'in_person' OR (recorded_by_user_id IS NOT NULL AND consent_form_date IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "proxy_relationships" DROP COLUMN "consent_document_type"`);
    await queryRunner.query(`DROP TABLE "service_point_staff"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_managed_number"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_account_number"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_contact"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_contact" CHECK (mobile IS NOT NULL OR email IS NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_users_account_number"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "account_number"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "managed"`);
  }
}
