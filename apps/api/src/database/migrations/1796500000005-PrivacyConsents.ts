import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consents to the privacy notice and to processing the ID number, by notice version and time (issue 17). */
export class PrivacyConsents1796500000005 implements MigrationInterface {
  name = 'PrivacyConsents1796500000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "privacy_consents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "notice_version" text NOT NULL,
        "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "withdrawn_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "chk_privacy_consents_kind" CHECK (kind IN ('privacy_notice','sensitive_id_number')),
        CONSTRAINT "PK_privacy_consents" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_privacy_consents_user" ON "privacy_consents" ("user_id", "kind")`);
    await q.query(`ALTER TABLE "privacy_consents" ADD CONSTRAINT "FK_be871b3d1df7c65d2a13dc2fea8" FOREIGN KEY ("user_id")
                     REFERENCES "users"("id") ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "privacy_consents"`);
  }
}
