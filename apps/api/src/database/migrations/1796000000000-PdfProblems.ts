import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a certificate's PDF could not be made yet (a missing font), shown to the learner and retried. */
export class PdfProblems1796000000000 implements MigrationInterface {
  name = 'PdfProblems1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" ADD "pdf_problem" text`);
    await queryRunner.query(`ALTER TABLE "certificates" ADD "pdf_problem_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "pdf_problem_at"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "pdf_problem"`);
  }
}
