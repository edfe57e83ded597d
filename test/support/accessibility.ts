import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { open } from './browser.js';
import { signInThrough } from './second-factor.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type DisplayMode = 'standard' | 'elder';
export const DISPLAY_COOKIE = 'cll_display';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
/**
 * Elder mode promises: 18 px body text (we use 20), 30 px page titles, 60×60 px touch targets for every interactive
 * element (links in running text too), and a site header no taller than a fifth of a phone screen.
 */
export const ELDER_MINIMUM = { bodyFontPx: 18, h1FontPx: 30, targetPx: 60, headerShareOfPhone: 1 / 5 };

export interface AxeProblem {
  rule: string;
  impact: string;
  targets: string[];
}

/** The device remembers the display mode in a cookie, as the header switch would set it. */
export async function setDisplayMode(
  context: BrowserContext,
  baseUrl: string,
  mode: DisplayMode,
): Promise<void> {
  await context.addCookies([{ name: DISPLAY_COOKIE, value: mode, url: baseUrl }]);
}

export async function logIn(
  page: Page,
  baseUrl: string,
  mobile: string,
  password: string,
  apiUrl = '',
): Promise<void> {
  await open(page, `${baseUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', password);
  // Staff pass their authenticator too (set up at the first sign-in on the stack).
  await signInThrough(page, () => page.press('input[name="password"]', 'Enter'), apiUrl, mobile);
}

/** Runs axe-core against the WCAG 2.x A/AA rules and keeps the serious and critical findings. */
export async function seriousAxeProblems(page: Page): Promise<AxeProblem[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: { runOnly: string[] },
          ): Promise<{
            violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }>;
            passes: unknown[];
          }>;
        };
      }
    ).axe.run(document, { runOnly: tags });
    // A run that checked nothing would pass silently; no page here has zero passing rules.
    if (result.passes.length === 0) throw new Error('axe checked no rules');
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, WCAG_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface ElderMeasurements {
  htmlMode: string | null;
  bodyFontPx: number;
  h1FontPx: number[];
  smallTargets: string[];
  /** Height of the site header (the banner) in CSS px. */
  headerPx: number;
}

/** Measures rendered sizes: font sizes from computed styles, touch targets from element boxes. */
export function measureElderMode(page: Page): Promise<ElderMeasurements> {
  return page.evaluate((minTarget) => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    // Everything a finger can act on, anywhere on the page: links, controls, disclosure summaries, focusable widgets.
    const selector = [
      'a[href]',
      'button',
      'input:not([type=hidden])',
      'select',
      'textarea',
      'summary',
      '[role=button]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const describe = (el: Element, rect: DOMRect) => {
      const name = (el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('name') || '';
      const id = el.id ? `#${el.id}` : '';
      const type = el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '';
      return `${el.tagName.toLowerCase()}${id}${type} "${name}" ${Math.round(rect.width)}×${Math.round(rect.height)}`;
    };
    const smallTargets: string[] = [];
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (el.closest('.visually-hidden, .skip-link')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Rounding of fractional layout must not turn 60 px into a failure.
      if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5)
        smallTargets.push(describe(el, rect));
    }
    return {
      htmlMode: document.documentElement.getAttribute('data-mode'),
      bodyFontPx: px(document.body),
      h1FontPx: Array.from(document.querySelectorAll('h1')).map(px),
      smallTargets,
      headerPx: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
    };
  }, ELDER_MINIMUM.targetPx);
}
