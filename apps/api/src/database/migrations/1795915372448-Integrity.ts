import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rules TypeORM cannot express in entity metadata. */
export class Integrity1795915372448 implements MigrationInterface {
  name = 'Integrity1795915372448';

  async up(q: QueryRunner): Promise<void> {
    // One assignment per user, role and scope; NULL scopes count as equal.
    await q.query(`
      CREATE UNIQUE INDEX "uq_role_assignments_scope" ON "role_assignments"
        ("user_id", "role", "provider_id", "enterprise_id", "township_prefix") NULLS NOT DISTINCT`);
    // The audit trail is append-only, whoever connects.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON "audit_events"
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    // A village belongs to its township's code range.
    await q.query(`
      ALTER TABLE "villages" ADD CONSTRAINT "chk_villages_in_township"
        CHECK (substr(code, 1, 9) = substr(township_code, 1, 9) AND right(code, 3) <> '000')`);
    await q.query(`
      ALTER TABLE "townships" ADD CONSTRAINT "chk_townships_code" CHECK (code ~ '^[0-9]{9}000$' AND code !~ '000000$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "townships" DROP CONSTRAINT "chk_townships_code"`);
    await q.query(`ALTER TABLE "villages" DROP CONSTRAINT "chk_villages_in_township"`);
    await q.query(`DROP TRIGGER audit_events_no_change ON "audit_events"`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP INDEX "uq_role_assignments_scope"`);
  }
}
