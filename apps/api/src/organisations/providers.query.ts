import type { EntityManager } from 'typeorm';
import type { ProviderResponse } from './dto/provider.dto.js';

/** Providers as the API shows them: with the township name and how many courses they have. */
export async function queryProviders(
  manager: EntityManager,
  where: string,
  params: unknown[],
): Promise<ProviderResponse[]> {
  return manager.query(
    `SELECT p.id, p.name, p.kind, p.township_code AS "townshipCode", t.name AS "townshipName", p.status,
            p.contact_name AS "contactName", p.contact_phone AS "contactPhone", p.decision_reason AS "decisionReason",
            p.created_at AS "appliedAt", p.decided_at AS "decidedAt",
            (SELECT count(*)::int FROM courses c WHERE c.provider_id = p.id) AS "courseCount"
       FROM providers p JOIN townships t ON t.code = p.township_code
      WHERE ${where}
      ORDER BY p.status = 'pending' DESC, p.created_at DESC`,
    params,
  );
}
