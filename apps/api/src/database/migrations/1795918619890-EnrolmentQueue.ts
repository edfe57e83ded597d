import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Arrival numbers for enrolments: drawn while the session row is locked, so the waitlist order is the lock order. */
export class EnrolmentQueue1795918619890 implements MigrationInterface {
  name = 'EnrolmentQueue1795918619890';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE enrolment_queue_seq AS bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE enrolment_queue_seq`);
  }
}
