import { Initial1795915372447 } from './1795915372447-Initial.js';
import { Integrity1795915372448 } from './1795915372448-Integrity.js';

/** Every migration, in order. `synchronize` is off everywhere: schema changes only come from here. */
export const MIGRATIONS = [Initial1795915372447, Integrity1795915372448];
