import type { Metric } from '../report.js';
import type { BenchContext } from './context.js';

export function benchEnrolment(ctx: BenchContext): Promise<Metric[]> {
  void ctx;
  return Promise.resolve([]);
}
