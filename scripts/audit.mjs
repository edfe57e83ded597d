#!/usr/bin/env node
// `npm audit` of the production dependencies: fails on any high or critical advisory. When the registry's audit
// endpoint cannot be reached (some networks answer its POST with 405), says so plainly and does not pretend to pass.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.log(
    `npm audit: no report (${run.error?.message ?? `exit ${run.status}`}); production dependencies NOT checked`,
  );
  process.exit(process.env.AUDIT_REQUIRED === 'true' ? 1 : 0);
}
if (!report.metadata) {
  console.log(
    `npm audit: the registry's audit endpoint answered: ${report.message ?? report.statusCode}; ` +
      'production dependencies NOT checked on this machine',
  );
  process.exit(process.env.AUDIT_REQUIRED === 'true' ? 1 : 0);
}
const { high = 0, critical = 0, moderate = 0, low = 0 } = report.metadata.vulnerabilities;
console.log(
  `npm audit (production dependencies): critical ${critical}, high ${high}, moderate ${moderate}, low ${low}`,
);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity === 'high' || v.severity === 'critical') console.log(`- ${v.severity}: ${name} ${v.range}`);
}
process.exit(high + critical > 0 ? 1 : 0);
