import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for a form that adds something and stays on the page (post/redirect/get): what was typed is kept
 * when the server refuses it, and cleared once it is saved, as a full page load without JavaScript would do.
 * (Svelte only writes an input's value when the value it renders changes, so an empty form rendered again after
 * saving would otherwise keep the typed text.)
 */
export const clearWhenSaved: SubmitFunction =
  () =>
  async ({ result, update, formElement }) => {
    if (result.type === 'redirect') formElement.reset();
    await update({ reset: false });
  };

/**
 * `use:enhance` for a form whose page is shown again after saving, or that stays filled when refused: the fields keep
 * what was typed (the page's new data fills them where it changed).
 */
export const keepTyped: SubmitFunction =
  () =>
  async ({ update }) => {
    await update({ reset: false });
  };
