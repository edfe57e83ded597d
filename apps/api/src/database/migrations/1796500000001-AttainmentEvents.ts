import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attainment history (issue 18): every change of a resident's highest attainment becomes a dated event with its
 * source. Existing profiles get one `backfill` event with their current level, dated on the day the account was made
 * (whether that level was given at registration or edited since cannot be told any more, so it is not called a
 * registration). Past academic completions get no event: the level before them was never recorded.
 */
export class AttainmentEvents1796500000001 implements MigrationInterface {
  name = 'AttainmentEvents1796500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "attainment_events" ("id" BIGSERIAL NOT NULL, "learner_user_id" uuid NOT NULL,
        "effective_on" date NOT NULL, "source" text NOT NULL, "attainment_before" text, "attainment_after" text NOT NULL,
        "programme_id" uuid, "learning_record_id" uuid, "reason" text, "actor_user_id" uuid, "provider_id" uuid,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_attainment_events_programme" CHECK ((source = 'programme_completion') = (programme_id IS NOT NULL AND learning_record_id IS NOT NULL)),
        CONSTRAINT "chk_attainment_events_reason" CHECK (source <> 'staff_correction' OR (reason IS NOT NULL AND length(btrim(reason)) > 0 AND actor_user_id IS NOT NULL)),
        CONSTRAINT "chk_attainment_events_first" CHECK ((source IN ('registration','backfill')) = (attainment_before IS NULL)),
        CONSTRAINT "chk_attainment_events_before" CHECK (attainment_before IS NULL OR attainment_before IN ('none','primary','junior_secondary','senior_secondary','secondary_vocational','junior_college','bachelor','postgraduate')),
        CONSTRAINT "chk_attainment_events_after" CHECK (attainment_after IN ('none','primary','junior_secondary','senior_secondary','secondary_vocational','junior_college','bachelor','postgraduate')),
        CONSTRAINT "chk_attainment_events_source" CHECK (source IN ('registration','backfill','programme_completion','self_declared','staff_correction')),
        CONSTRAINT "PK_9e52b5a748095a30c7c845ebec4" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "idx_attainment_events_source_date" ON "attainment_events" ("source", "effective_on")`,
    );
    await q.query(
      `CREATE INDEX "idx_attainment_events_learner" ON "attainment_events" ("learner_user_id", "effective_on", "id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_attainment_events_programme" ON "attainment_events" ("learner_user_id", "programme_id") WHERE source = 'programme_completion'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_attainment_events_first" ON "attainment_events" ("learner_user_id") WHERE source IN ('registration','backfill')`,
    );
    await q.query(
      `ALTER TABLE "attainment_events" ADD CONSTRAINT "FK_210591e902f00fb44baa7d26bcb" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attainment_events" ADD CONSTRAINT "FK_fee62a6af5ffe1060706fc179dd" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attainment_events" ADD CONSTRAINT "FK_97c59816f31e5dbfb2c2a6f2b05" FOREIGN KEY ("learning_record_id") REFERENCES "learning_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attainment_events" ADD CONSTRAINT "FK_06274bce27414812522b6e7f129" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Append-only: an event is never changed or removed, except with its account (the cascade from users).
    await q.query(`
      CREATE FUNCTION attainment_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'attainment_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER attainment_events_no_change BEFORE UPDATE OR DELETE ON attainment_events
        FOR EACH ROW EXECUTE FUNCTION attainment_events_append_only()`);
    await q.query(`
      INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after)
      SELECT p.user_id, (u.created_at AT TIME ZONE 'Asia/Shanghai')::date, 'backfill', NULL, p.attainment
        FROM learner_profiles p JOIN users u ON u.id = p.user_id
       ORDER BY u.created_at, p.user_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "attainment_events"`);
    await q.query(`DROP FUNCTION attainment_events_append_only()`);
  }
}
