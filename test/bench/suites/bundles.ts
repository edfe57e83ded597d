import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { round, type Metric } from '../report.js';

const WEB = fileURLToPath(new URL('../../../apps/web/.svelte-kit/output/', import.meta.url));
/** Pages a resident uses; the rest are staff screens (school, enterprise, bureau, admin). */
const LEARNER =
  /^\/($|courses|learn|profile|notifications|login|register|verify|display|lang|apprenticeships)/;

interface ViteChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * Bench 7: JavaScript and CSS a first visit to each page downloads, gzipped, from the production build: SvelteKit's
 * client entry and app, the root layout and the page's node, with every chunk they import statically (read from
 * the Vite manifest). The baseline is the framework alone (entry + app + their chunks): what a hello-world
 * SvelteKit page ships with the same adapter and build.
 */
export function benchBundles(): Promise<Metric[]> {
  const vite = JSON.parse(readFileSync(`${WEB}client/.vite/manifest.json`, 'utf8')) as Record<
    string,
    ViteChunk
  >;
  const server = readFileSync(`${WEB}server/manifest-full.js`, 'utf8');
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(`${WEB}client/${file}`)).length);
    return gz.get(file) ?? 0;
  };
  const closure = (keys: string[]) => {
    const js = new Set<string>();
    const css = new Set<string>();
    const visit = (key: string) => {
      const chunk = vite[key];
      if (!chunk || js.has(chunk.file)) return;
      js.add(chunk.file);
      chunk.css?.forEach((c) => css.add(c));
      chunk.imports?.forEach(visit);
    };
    keys.forEach(visit);
    const kb = (files: Set<string>) => round([...files].reduce((sum, f) => sum + gzipOf(f), 0) / 1024, 1);
    return { js: kb(js), css: kb(css) };
  };
  const framework = [
    Object.keys(vite).find((k) => k.endsWith('kit/src/runtime/client/entry.js')) ?? '',
    '.svelte-kit/generated/client-optimized/app.js',
  ];
  const node = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
  const floor = closure(framework);
  const routes = [
    ...server.matchAll(
      /id: "([^"]+)",\n\s*pattern: .*\n\s*params: .*\n\s*page: \{ layouts: \[([\d,]*)\], errors: \[[\d,]*\], leaf: (\d+) \}/g,
    ),
  ]
    .map(([, id, layouts, leaf]) => {
      const nodes = [...layouts.split(',').filter(Boolean).map(Number), Number(leaf)].map(node);
      return { id, learner: LEARNER.test(id), ...closure([...framework, ...nodes]) };
    })
    .sort((a, b) => Number(b.learner) - Number(a.learner) || a.id.localeCompare(b.id));
  const metrics: Metric[] = [];
  for (const r of routes) {
    const benchmark = `7 web ${r.learner ? 'learner' : 'staff'} ${r.id}`;
    metrics.push({
      benchmark,
      metric: 'JS shipped, gzip',
      unit: 'kB',
      candidate: r.js,
      baseline: floor.js,
      ratio: round(r.js / floor.js),
      goal: r.learner ? '<= 4' : undefined,
      note: r.learner ? `learner page: goal ≤ 100 kB (${r.js <= 100 ? 'holds' : 'fails'})` : undefined,
    });
    metrics.push({
      benchmark,
      metric: 'CSS shipped, gzip',
      unit: 'kB',
      candidate: r.css,
      baseline: floor.css,
      ratio: null,
    });
  }
  const worstLearner = Math.max(...routes.filter((r) => r.learner).map((r) => r.js));
  metrics.unshift({
    benchmark: '7 web',
    metric: 'largest learner page JS, gzip',
    unit: 'kB',
    candidate: worstLearner,
    baseline: null,
    ratio: null,
    goal: '<= 100',
  });
  return Promise.resolve(metrics);
}
