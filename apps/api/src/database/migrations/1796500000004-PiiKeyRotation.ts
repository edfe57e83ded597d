import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned personal-data keys (issue 17): the hash key's version beside each ID-number hash (every existing hash
 * was made with the single key, version 1), and the progress of key-rotation runs.
 */
export class PiiKeyRotation1796500000004 implements MigrationInterface {
  name = 'PiiKeyRotation1796500000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "learner_profiles" ADD "id_number_hash_version" smallint`);
    await q.query(
      `UPDATE "learner_profiles" SET "id_number_hash_version" = 1 WHERE "id_number_hash" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "learner_profiles" ADD CONSTRAINT "chk_learner_profiles_id_number_version"
                     CHECK ((id_number_hash IS NULL) = (id_number_hash_version IS NULL))`);
    await q.query(`
      CREATE TABLE "pii_rotations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "status" text NOT NULL,
        "encryption_version" smallint NOT NULL,
        "hash_version" smallint NOT NULL,
        "total" integer NOT NULL DEFAULT 0,
        "done" integer NOT NULL DEFAULT 0,
        "cursor" uuid,
        "passes" smallint NOT NULL DEFAULT 0,
        "error" text,
        "started_by_user_id" uuid,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "chk_pii_rotations_status" CHECK (status IN ('running','completed','failed')),
        CONSTRAINT "PK_pii_rotations" PRIMARY KEY ("id"))`);
    // One run at a time, whatever the concurrency of starts.
    await q.query(
      `CREATE UNIQUE INDEX "uq_pii_rotations_running" ON "pii_rotations" ((true)) WHERE status = 'running'`,
    );
    await q.query(`ALTER TABLE "pii_rotations" ADD CONSTRAINT "FK_92bd4af24127471a81e21d7ea7d" FOREIGN KEY ("started_by_user_id")
                     REFERENCES "users"("id") ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pii_rotations"`);
    await q.query(`ALTER TABLE "learner_profiles" DROP CONSTRAINT "chk_learner_profiles_id_number_version"`);
    await q.query(`ALTER TABLE "learner_profiles" DROP COLUMN "id_number_hash_version"`);
  }
}
