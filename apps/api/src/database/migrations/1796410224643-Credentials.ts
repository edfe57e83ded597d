import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed Open Badges credentials and revocation: each certificate gets its bit in the revocation status list and the
 * salt of its hashed holder id (existing certificates too, numbered in issue order); the signed credential itself is
 * made at issuance, and for older certificates the first time it is asked for. Public keys ever used to sign are kept.
 */
export class Credentials1796410224643 implements MigrationInterface {
  name = 'Credentials1796410224643';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "credential_signing_keys" (
                "kid" text NOT NULL,
                "public_jwk" jsonb NOT NULL,
                "first_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_125da01f1a94c9f3170ba029df3" PRIMARY KEY ("kid")
            )
        `);
    await queryRunner.query(`CREATE SEQUENCE "credential_status_index_seq" AS integer MINVALUE 0 START 0`);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "revocation_reason" text,
            ADD "revoked_by_user_id" uuid,
            ADD "status_index" integer,
            ADD "holder_salt" text,
            ADD "credential_jws" text,
            ADD "signing_key_id" text
        `);
    await queryRunner.query(`
            UPDATE "certificates" k
               SET "status_index" = n.i, "holder_salt" = replace(gen_random_uuid()::text, '-', '')
              FROM (SELECT id, nextval('credential_status_index_seq') AS i
                      FROM (SELECT id FROM "certificates" ORDER BY issued_at, id) o) n
             WHERE n.id = k.id
        `);
    // Nobody could revoke before this migration; a revocation from now on always carries its reason.
    await queryRunner.query(
      `UPDATE "certificates" SET "revocation_reason" = 'unknown' WHERE "revoked_at" IS NOT NULL`,
    );
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ALTER COLUMN "status_index" SET NOT NULL,
            ALTER COLUMN "status_index" SET DEFAULT nextval('credential_status_index_seq'),
            ALTER COLUMN "holder_salt" SET NOT NULL,
            ALTER COLUMN "holder_salt" SET DEFAULT replace(gen_random_uuid()::text, '-', '')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_84a591637195dc4cbc256ddd13" ON "certificates" ("status_index")
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "chk_certificates_revocation" CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "chk_certificates_revocation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84a591637195dc4cbc256ddd13"`);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            DROP COLUMN "signing_key_id",
            DROP COLUMN "credential_jws",
            DROP COLUMN "holder_salt",
            DROP COLUMN "status_index",
            DROP COLUMN "revoked_by_user_id",
            DROP COLUMN "revocation_reason"
        `);
    await queryRunner.query(`DROP SEQUENCE "credential_status_index_seq"`);
    await queryRunner.query(`DROP TABLE "credential_signing_keys"`);
  }
}
