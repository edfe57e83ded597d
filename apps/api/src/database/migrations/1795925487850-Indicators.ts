import { MigrationInterface, QueryRunner } from 'typeorm';

export class Indicators1795925487850 implements MigrationInterface {
  name = 'Indicators1795925487850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "population_baselines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "source" text NOT NULL,
                "year" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "csv" text NOT NULL,
                "total_rows" integer NOT NULL,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL DEFAULT '[]',
                "population" bigint,
                "uploaded_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_baselines_status" CHECK (status IN ('queued', 'running', 'ready', 'failed')),
                CONSTRAINT "chk_baselines_source" CHECK (
                    source IN ('census', 'sample_survey', 'yearbook', 'other')
                ),
                CONSTRAINT "PK_9b1229f07b37e4131003e4109d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "population_cells" (
                "baseline_id" uuid NOT NULL,
                "township_code" character(12) NOT NULL,
                "age_from" smallint NOT NULL,
                "sex" text NOT NULL,
                "attainment" text NOT NULL,
                "age_to" smallint,
                "count" integer NOT NULL,
                CONSTRAINT "chk_population_cells_band" CHECK (
                    age_from >= 0
                    AND (
                        age_to IS NULL
                        OR age_to >= age_from
                    )
                ),
                CONSTRAINT "chk_population_cells_count" CHECK (count >= 0),
                CONSTRAINT "PK_d8647aed42ec8102e6b85fb94ad" PRIMARY KEY (
                    "baseline_id",
                    "township_code",
                    "age_from",
                    "sex",
                    "attainment"
                )
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_targets" (
                "code" text NOT NULL,
                "year" integer NOT NULL,
                "value" numeric(14, 4) NOT NULL,
                "set_by_user_id" uuid NOT NULL,
                "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_65fc3209685f461feae5f26a060" PRIMARY KEY ("code", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_periods" (
                "year" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_by_user_id" uuid,
                CONSTRAINT "chk_indicator_periods_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_5c50fa72b6df996cd8606c60b3b" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_snapshots" (
                "id" BIGSERIAL NOT NULL,
                "year" integer NOT NULL,
                "kind" text NOT NULL,
                "baseline_id" uuid,
                "results" text NOT NULL,
                "checksum" character(64) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "chk_indicator_snapshots_kind" CHECK (kind IN ('provisional', 'frozen')),
                CONSTRAINT "PK_60bb3957f4cfa18030682887e4a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_indicator_snapshots_year_kind" ON "indicator_snapshots" ("year", "kind")
        `);
    await queryRunner.query(`
            ALTER TABLE "population_cells"
            ADD CONSTRAINT "FK_bf5ac561a5af45a64b2fd6d6b28" FOREIGN KEY ("baseline_id") REFERENCES "population_baselines"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // A frozen snapshot never changes; provisional ones are replaced by each recomputation.
    await queryRunner.query(`
            CREATE FUNCTION indicator_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.kind = 'frozen' THEN
                RAISE EXCEPTION 'a frozen indicator snapshot cannot change' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER indicator_snapshots_no_change BEFORE UPDATE OR DELETE ON indicator_snapshots
            FOR EACH ROW EXECUTE FUNCTION indicator_snapshots_frozen()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER indicator_snapshots_no_change ON indicator_snapshots`);
    await queryRunner.query(`DROP FUNCTION indicator_snapshots_frozen()`);
    await queryRunner.query(`
            ALTER TABLE "population_cells" DROP CONSTRAINT "FK_bf5ac561a5af45a64b2fd6d6b28"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_indicator_snapshots_year_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_snapshots"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_periods"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_targets"
        `);
    await queryRunner.query(`
            DROP TABLE "population_cells"
        `);
    await queryRunner.query(`
            DROP TABLE "population_baselines"
        `);
  }
}
