import type { Schemas } from '@cll/api-client';
import type { DisplayMode } from '$lib/display.js';
import type { Locale } from '$lib/i18n/index.js';

declare global {
  namespace App {
    interface Error {
      /** An i18n key (`error.NOT_FOUND`), translated by +error.svelte. */
      message: string;
      code?: string;
      requestId?: string;
    }
    interface Locals {
      requestId: string;
      locale: Locale;
      /** Elder mode or the standard view, chosen on this device. */
      displayMode: DisplayMode;
      /** Server-side only: never returned from a load. */
      accessToken: string | null;
      user: Schemas['MeResponse'] | null;
      /** The API could not be reached while restoring the session; the cookies were kept. */
      apiUnavailable: boolean;
    }
  }
}

export {};
