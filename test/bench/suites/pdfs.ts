import { statSync } from 'node:fs';
import { paired, round, type Metric } from '../report.js';
import { SNAPSHOT } from '../snapshot.js';
import { type BenchContext, env, pinApi, ROUNDS } from './context.js';

/** The compiled PDF code the worker runs (the benchmark's private copy of apps/api/dist). */
interface PdfModule {
  renderPdf(font: { path: string; family: string }, draw: (doc: unknown) => void): Promise<Buffer>;
  drawCertificate(doc: unknown, facts: Record<string, string | number>): void;
}

const BATCH = env('BENCH_PDFS', 50);

/** The certificate's facts as the worker reads them (credentials.service.ts CERTIFICATE_SQL). */
const FACTS_SQL = `
  SELECT k.id, k.number, k.verification_code, k.holder_name, r.course_title, r.provider_name, r.hours, r.credits,
         to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on
    FROM certificates k JOIN learning_records r ON r.id = k.record_id WHERE k.id = ANY($1::uuid[]) ORDER BY k.id`;

interface FactsRow {
  id: string;
  number: string;
  verification_code: string;
  holder_name: string;
  course_title: string;
  provider_name: string;
  hours: string;
  credits: string;
  completed_on: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Bench 6: certificate PDFs per second. The worker path: certificates with `pdf` reset to NULL and their jobs put in
 * the outbox as issueCertificate does (relay → Bull → worker → renderCertificate → stored), timed from the outbox
 * insert until every PDF is stored. The floor: a loop in this process calling the same compiled renderPdf and
 * drawCertificate with the same font on the same facts, one after the other.
 */
export async function benchPdfs(ctx: BenchContext): Promise<Metric[]> {
  const { client, county, stack } = ctx;
  pinApi(stack);
  // Certificates for the first completions of the big school (the generator makes records, not certificates).
  await client.query(
    `INSERT INTO certificates (enrolment_id, learner_user_id, number, verification_code, holder_name, record_id, issued_at)
     SELECT r.enrolment_id, r.learner_user_id, 'QXBENCH-' || lpad(row_number() OVER (ORDER BY r.id)::text, 6, '0'),
            upper(substr(md5(r.id::text), 1, 10)), u.name, r.id, now()
       FROM (SELECT * FROM learning_records WHERE provider_id = $1 AND enrolment_id IS NOT NULL ORDER BY id LIMIT $2) r
       JOIN users u ON u.id = r.learner_user_id
     ON CONFLICT DO NOTHING`,
    [county.bigProvider.id, BATCH],
  );
  const { rows: certificates } = await client.query<{ id: string }>(
    `SELECT k.id FROM certificates k JOIN learning_records r ON r.id = k.record_id
      WHERE r.provider_id = $1 AND k.number LIKE 'QXBENCH-%' ORDER BY k.id LIMIT $2`,
    [county.bigProvider.id, BATCH],
  );
  const ids = certificates.map((c) => c.id);
  const { rows: facts } = await client.query<FactsRow>(FACTS_SQL, [ids]);
  const pdf = (await import(`${SNAPSHOT}apps/api/dist/credentials/pdf.js`)) as PdfModule;
  const font = {
    path: stack.env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    family: stack.env.CJK_FONT_FAMILY ?? 'NotoSansCJKsc-Regular',
  };
  statSync(font.path);

  let bareBytes = 0;
  const bare = async () => {
    const started = performance.now();
    for (const c of facts) {
      const out = await pdf.renderPdf(font, (doc) =>
        pdf.drawCertificate(doc, {
          number: c.number,
          verificationCode: c.verification_code,
          holderName: c.holder_name,
          courseTitle: c.course_title,
          providerName: c.provider_name,
          hours: Number(c.hours),
          credits: Number(c.credits),
          issuedOn: c.completed_on,
          verifyUrl: `/verify/${c.verification_code}`,
        }),
      );
      bareBytes = out.length;
    }
    return performance.now() - started;
  };

  let job = 0;
  const worker = async () => {
    await client.query(
      `UPDATE certificates SET pdf = NULL, pdf_generated_at = NULL WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const started = performance.now();
    // As issueCertificate enqueues them; a fresh job id per round, since Bull keeps finished jobs under theirs.
    job += 1;
    await client.query(
      `INSERT INTO job_outbox (queue, name, job_id, payload)
       SELECT 'certificates', 'certificate-pdf', 'certificate-pdf:' || id || ':bench' || $2, jsonb_build_object('certificateId', id)
         FROM unnest($1::uuid[]) id`,
      [ids, job],
    );
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM certificates WHERE id = ANY($1::uuid[]) AND pdf_generated_at IS NOT NULL`,
        [ids],
      );
      if (rows[0].n === ids.length) return performance.now() - started;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${ids.length} PDFs after 300 s`);
      await sleep(20);
    }
  };

  await worker();
  await bare();
  const rounds: Array<{ candidate: number; baseline: number }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first.
    const workerFirst = i % 2 === 1;
    const w1 = workerFirst ? await worker() : 0;
    const b = await bare();
    const w = workerFirst ? w1 : await worker();
    rounds.push({ candidate: (ids.length / w) * 1000, baseline: (ids.length / b) * 1000 });
  }
  const { rows: sizes } = await client.query<{ bytes: number }>(
    `SELECT avg(octet_length(pdf))::int AS bytes FROM certificates WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return [
    {
      ...paired(
        {
          benchmark: '6 pdfs',
          metric: `certificate PDFs, batches of ${ids.length}`,
          unit: 'PDF/s',
          goal: '>= 0.7',
        },
        rounds,
      ),
      note:
        `worker: outbox insert → relay (OUTBOX_POLL_MS ${stack.env.OUTBOX_POLL_MS ?? 'default 1000'}) → Bull → ` +
        `renderCertificate (read, render, store, notify), worker inside the API process; bare: compiled renderPdf + ` +
        `drawCertificate in a loop in the bench process; PDF ${round(sizes[0].bytes / 1024, 1)} kB (worker) vs ` +
        `${round(bareBytes / 1024, 1)} kB (bare)`,
    },
  ];
}
