import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in failures per (account, address) pair, and one-time SMS codes kept as keyed hashes. */
export class SignInThrottleAndCodes1795930000001 implements MigrationInterface {
  name = 'SignInThrottleAndCodes1795930000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("account_key" character(64) NOT NULL, "address" text NOT NULL, "failures" integer NOT NULL, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1362d4438812c54a41ebbf8b4fa" PRIMARY KEY ("account_key", "address"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_login_failures_account" ON "login_failures" ("account_key", "last_failed_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "verification_codes" ("id" uuid NOT NULL, "purpose" text NOT NULL, "mobile_hash" character(64) NOT NULL, "user_id" uuid, "code_hash" character(64) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "requested_from" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_verification_codes_purpose" CHECK (purpose IN ('login_step_up','password_reset','proxy_consent','mobile_claim','registration')), CONSTRAINT "PK_18741b6b8bf1680dbf5057421d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0a53c41a810420ee446082ce6c" ON "verification_codes" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_verification_codes_mobile" ON "verification_codes" ("mobile_hash", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "verification_codes" ADD CONSTRAINT "FK_0a53c41a810420ee446082ce6c6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verification_codes"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
