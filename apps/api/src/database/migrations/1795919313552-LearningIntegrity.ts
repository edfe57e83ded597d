import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LearningIntegrity1795919313552 implements MigrationInterface {
  name = 'LearningIntegrity1795919313552';

  async up(q: QueryRunner): Promise<void> {
    // The lifelong learning record only grows.
    await q.query(`
      CREATE FUNCTION learning_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'learning_records is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER learning_records_no_change BEFORE UPDATE OR DELETE ON learning_records
        FOR EACH ROW EXECUTE FUNCTION learning_records_append_only()`);
    await q.query(`CREATE SEQUENCE certificate_number_seq AS bigint`);
    // Courses published before completion rules existed get the rule their mode implies.
    await q.query(
      `UPDATE courses SET completion_rule = CASE mode WHEN 'offline' THEN 'attendance' WHEN 'blended' THEN 'both' ELSE 'lessons' END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE certificate_number_seq`);
    await q.query(`DROP TRIGGER learning_records_no_change ON learning_records`);
    await q.query(`DROP FUNCTION learning_records_append_only()`);
  }
}
