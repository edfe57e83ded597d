import { MigrationInterface, QueryRunner } from 'typeorm';

/** A used refresh token remembers the successor it issued, so a duplicate request gets that one, not a fork. */
export class RefreshSuccessor1795930000000 implements MigrationInterface {
  name = 'RefreshSuccessor1795930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "successor_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "successor_sealed" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "successor_sealed"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "successor_hash"`);
  }
}
