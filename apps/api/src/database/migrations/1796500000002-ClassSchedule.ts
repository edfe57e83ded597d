import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Near me and the timetable (issue 19): a session's class pattern (ISO weekdays, start and end time of day; the first
 * and last dates are those of starts_at and ends_at), its street address, fee in fen and contact phone; and the
 * reminders sent the day before each class, one per learner and class date.
 *
 * Existing sessions are backfilled from what they had: the times of starts_at (at the latest 23:00) and ends_at (two hours when the end's
 * time of day is not after the start's), and as many weekdays, two days apart from the first class's weekday, as
 * spread class_count over the weeks the session spans (1 to 5). Rows inserted without a pattern (plain SQL, older
 * seeds) get the same one-day pattern from a trigger, so nothing that inserts sessions has to change at once.
 */
export class ClassSchedule1796500000002 implements MigrationInterface {
  name = 'ClassSchedule1796500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "course_sessions"
      ADD "class_weekdays" smallint array,
      ADD "class_start_time" time,
      ADD "class_end_time" time,
      ADD "address" text,
      ADD "fee_fen" integer NOT NULL DEFAULT 0,
      ADD "contact_phone" text`);
    await q.query(`
      WITH s AS (
        SELECT id, least((starts_at::timestamp)::time, '23:00') AS st, (ends_at::timestamp)::time AS et,
               extract(isodow FROM starts_at::timestamp)::int AS dow,
               least(5, greatest(1, ceil(class_count::numeric
                 / (floor(((ends_at::timestamp)::date - (starts_at::timestamp)::date) / 7.0) + 1))))::int AS per_week
          FROM course_sessions)
      UPDATE course_sessions c
         SET class_start_time = s.st,
             class_end_time = CASE WHEN s.et > s.st THEN s.et
                                   WHEN s.st < '22:00' THEN s.st + interval '2 hours' ELSE '23:59' END,
             class_weekdays = (SELECT array_agg(DISTINCT ((s.dow - 1 + 2 * k) % 7 + 1)::smallint
                                                ORDER BY ((s.dow - 1 + 2 * k) % 7 + 1)::smallint)
                                 FROM generate_series(0, s.per_week - 1) AS k)
        FROM s WHERE s.id = c.id`);
    await q.query(`
      CREATE FUNCTION cll_session_schedule_defaults() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.class_weekdays IS NULL OR cardinality(NEW.class_weekdays) = 0 THEN
          NEW.class_weekdays := ARRAY[extract(isodow FROM NEW.starts_at::timestamp)::smallint];
        END IF;
        IF NEW.class_start_time IS NULL THEN
          NEW.class_start_time := least((NEW.starts_at::timestamp)::time, '23:00');
        END IF;
        IF NEW.class_end_time IS NULL THEN
          NEW.class_end_time := CASE
            WHEN (NEW.ends_at::timestamp)::time > NEW.class_start_time THEN (NEW.ends_at::timestamp)::time
            WHEN NEW.class_start_time < '22:00' THEN NEW.class_start_time + interval '2 hours'
            ELSE '23:59' END;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_course_sessions_schedule BEFORE INSERT ON course_sessions
                     FOR EACH ROW EXECUTE FUNCTION cll_session_schedule_defaults()`);
    await q.query(`ALTER TABLE "course_sessions"
      ALTER "class_weekdays" SET NOT NULL,
      ALTER "class_start_time" SET NOT NULL,
      ALTER "class_end_time" SET NOT NULL,
      ADD CONSTRAINT "chk_course_sessions_schedule" CHECK (cardinality(class_weekdays) BETWEEN 1 AND 7
        AND class_weekdays <@ ARRAY[1,2,3,4,5,6,7]::smallint[] AND class_end_time > class_start_time),
      ADD CONSTRAINT "chk_course_sessions_fee" CHECK (fee_fen >= 0)`);
    await q.query(`
      CREATE TABLE "class_reminders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "enrolment_id" uuid NOT NULL,
        "session_id" uuid NOT NULL,
        "learner_user_id" uuid NOT NULL,
        "class_date" date NOT NULL,
        "sms_status" text NOT NULL DEFAULT 'pending',
        "sms_attempts" integer NOT NULL DEFAULT 0,
        "sms_error" text,
        "sms_sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_class_reminders_enrolment_date" UNIQUE ("enrolment_id", "class_date"),
        CONSTRAINT "chk_class_reminders_sms" CHECK (sms_status IN ('pending','sent','failed','none')),
        CONSTRAINT "PK_class_reminders" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "idx_class_reminders_session_date" ON "class_reminders" ("session_id", "class_date")`,
    );
    await q.query(`ALTER TABLE "class_reminders" ADD CONSTRAINT "FK_class_reminders_enrolment" FOREIGN KEY ("enrolment_id")
                     REFERENCES "enrolments"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "class_reminders" ADD CONSTRAINT "FK_class_reminders_session" FOREIGN KEY ("session_id")
                     REFERENCES "course_sessions"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "class_reminders" ADD CONSTRAINT "FK_class_reminders_learner" FOREIGN KEY ("learner_user_id")
                     REFERENCES "users"("id") ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "class_reminders"`);
    await q.query(`DROP TRIGGER trg_course_sessions_schedule ON course_sessions`);
    await q.query(`DROP FUNCTION cll_session_schedule_defaults()`);
    await q.query(`ALTER TABLE "course_sessions" DROP CONSTRAINT "chk_course_sessions_schedule",
      DROP CONSTRAINT "chk_course_sessions_fee", DROP "class_weekdays", DROP "class_start_time", DROP "class_end_time",
      DROP "address", DROP "fee_fen", DROP "contact_phone"`);
  }
}
