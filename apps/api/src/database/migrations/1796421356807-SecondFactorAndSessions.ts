import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff second factor (TOTP and recovery codes, issue 17) and what the sessions list shows. */
export class SecondFactorAndSessions1796421356807 implements MigrationInterface {
  name = 'SecondFactorAndSessions1796421356807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "user_totp" (
                "user_id" uuid NOT NULL,
                "secret_enc" bytea NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "last_used_step" bigint,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_04aa6aca4a656f0d4e1fd30ab10" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "mfa_recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0076416b1b84361afc3371ba121" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_mfa_recovery_codes_user_hash" ON "mfa_recovery_codes" ("user_id", "code_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD "mfa_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD "step_up_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD "user_agent" text
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD "place" text
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            ALTER TABLE "user_totp"
            ADD CONSTRAINT "FK_04aa6aca4a656f0d4e1fd30ab10" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mfa_recovery_codes"
            ADD CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_totp" DROP CONSTRAINT "FK_04aa6aca4a656f0d4e1fd30ab10"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP COLUMN "last_used_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP COLUMN "place"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP COLUMN "user_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP COLUMN "step_up_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP COLUMN "mfa_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_mfa_recovery_codes_user_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "mfa_recovery_codes"
        `);
    await queryRunner.query(`
            DROP TABLE "user_totp"
        `);
  }
}
