import { MigrationInterface, QueryRunner } from 'typeorm';

/** Proxies by consent: relationships a resident confirmed (by SMS code or in person), scoped and revocable. */
export class ProxyRelationships1795930000002 implements MigrationInterface {
  name = 'ProxyRelationships1795930000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "proxy_relationships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proxy_user_id" uuid NOT NULL, "learner_user_id" uuid, "learner_mobile" character varying(11), "relationship" text NOT NULL, "scope" text NOT NULL DEFAULT 'enrolment', "confirmed_via" text NOT NULL, "consent_form_date" date, "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_user_id" uuid, CONSTRAINT "chk_proxy_relationships_not_self" CHECK (learner_user_id IS NULL OR learner_user_id <> proxy_user_id), CONSTRAINT "chk_proxy_relationships_learner" CHECK (learner_mobile IS NOT NULL OR learner_user_id IS NOT NULL), CONSTRAINT "chk_proxy_relationships_in_person" CHECK (confirmed_via <> 'in_person' OR (recorded_by_user_id IS NOT NULL AND consent_form_date IS NOT NULL)), CONSTRAINT "chk_proxy_relationships_via" CHECK (confirmed_via IN ('sms','in_person')), CONSTRAINT "chk_proxy_relationships_scope" CHECK (scope IN ('enrolment')), CONSTRAINT "chk_proxy_relationships_kind" CHECK (relationship IN ('family','village_worker','other')), CONSTRAINT "PK_2d81fbf2aa6cbacf942a455fd68" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_690e1113e7d47725b709af6483" ON "proxy_relationships" ("proxy_user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3c33a6d9693e73c5eabf2db150" ON "proxy_relationships" ("learner_user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a3eeefd7bc3c8633aff259b78e" ON "proxy_relationships" ("learner_mobile")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_proxy_relationships_live_mobile" ON "proxy_relationships" ("proxy_user_id", "learner_mobile") WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "verification_codes" ADD "context" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" ADD CONSTRAINT "FK_690e1113e7d47725b709af6483a" FOREIGN KEY ("proxy_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proxy_relationships" ADD CONSTRAINT "FK_3c33a6d9693e73c5eabf2db1502" FOREIGN KEY ("learner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verification_codes" DROP COLUMN "context"`);
    await queryRunner.query(`DROP TABLE "proxy_relationships"`);
  }
}
