import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionCancellation1795919836969 implements MigrationInterface {
  name = 'SessionCancellation1795919836969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD "cancelled_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions"
            ADD "cancel_reason" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP COLUMN "cancel_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_sessions" DROP COLUMN "cancelled_at"
        `);
  }
}
