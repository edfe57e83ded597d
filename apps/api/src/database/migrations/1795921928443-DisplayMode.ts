import { MigrationInterface, QueryRunner } from 'typeorm';

export class DisplayMode1795921928443 implements MigrationInterface {
  name = 'DisplayMode1795921928443';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "display_mode" text NOT NULL DEFAULT 'standard'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "chk_users_display_mode" CHECK (display_mode IN ('standard', 'elder'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "chk_users_display_mode"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "display_mode"
        `);
  }
}
