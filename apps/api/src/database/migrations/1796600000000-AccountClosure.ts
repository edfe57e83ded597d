import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed accounts (PIPL art. 47, issue 17): a closed account keeps its row (learning records, attainment events and
 * certificates point at it and feed the county's figures) but loses every contact, so the contact check allows none.
 */
export class AccountClosure1796600000000 implements MigrationInterface {
  name = 'AccountClosure1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_status"`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_status" CHECK (status IN ('active','disabled','closed'))`,
    );
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_contact"`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_contact"
         CHECK (status = 'closed' OR mobile IS NOT NULL OR email IS NOT NULL OR account_number IS NOT NULL)`,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_closed"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_contact"`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_contact"
         CHECK (mobile IS NOT NULL OR email IS NOT NULL OR account_number IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "chk_users_status"`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "chk_users_status" CHECK (status IN ('active','disabled'))`,
    );
    await q.query(`ALTER TABLE "users" DROP COLUMN "closed_at"`);
  }
}
