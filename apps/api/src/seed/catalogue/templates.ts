import { ACADEMIC_TEMPLATES } from './templates-academic.js';
import { AGRICULTURE_TEMPLATES } from './templates-agriculture.js';
import { ARTS_TEMPLATES } from './templates-arts.js';
import { COMMUNITY_TEMPLATES } from './templates-community.js';
import { DIGITAL_TEMPLATES } from './templates-digital.js';
import { FAMILY_TEMPLATES } from './templates-family.js';
import { HEALTH_TEMPLATES } from './templates-health.js';
import { PERFORMING_TEMPLATES } from './templates-performing.js';
import { TRADES_TEMPLATES } from './templates-trades.js';
import { type CourseTemplate } from './types.js';
import { VOCATIONAL_TEMPLATES } from './templates-vocational.js';

/** Every course template of the demo catalogue, grouped by category. */
export const DEMO_TEMPLATES: readonly CourseTemplate[] = [
  ...COMMUNITY_TEMPLATES,
  ...FAMILY_TEMPLATES,
  ...ARTS_TEMPLATES,
  ...PERFORMING_TEMPLATES,
  ...HEALTH_TEMPLATES,
  ...DIGITAL_TEMPLATES,
  ...VOCATIONAL_TEMPLATES,
  ...TRADES_TEMPLATES,
  ...AGRICULTURE_TEMPLATES,
  ...ACADEMIC_TEMPLATES,
];
