/** How pages are laid out on this device: the standard view, or 长辈版 (elder mode: large text, large targets). */
export const DISPLAY_MODES = ['standard', 'elder'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export const DEFAULT_DISPLAY_MODE: DisplayMode = 'standard';
/** Cookie that remembers the display mode on this device for a year. */
export const DISPLAY_COOKIE = 'cll_display';

export function isDisplayMode(value: unknown): value is DisplayMode {
  return typeof value === 'string' && (DISPLAY_MODES as readonly string[]).includes(value);
}

/** The mode a cookie asks for; anything unknown falls back to the standard view. */
export function displayModeFrom(cookie: string | undefined): DisplayMode {
  return isDisplayMode(cookie) ? cookie : DEFAULT_DISPLAY_MODE;
}

/** The mode the switch offers: the other one. */
export function otherDisplayMode(mode: DisplayMode): DisplayMode {
  return mode === 'elder' ? 'standard' : 'elder';
}
