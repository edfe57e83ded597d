import { MigrationInterface, QueryRunner } from 'typeorm';

/** A school’s records in completion order, for its CSV export, without scanning every school’s rows. */
export class RecordsByProvider1795926000000 implements MigrationInterface {
  name = 'RecordsByProvider1795926000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_learning_records_provider_completed" ON "learning_records" ("provider_id", "completed_on", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_learning_records_provider_completed"`);
  }
}
