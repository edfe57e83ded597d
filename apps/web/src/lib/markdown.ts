import MarkdownIt, { type RendererRule } from 'markdown-it';

/**
 * Course descriptions and text lessons are Markdown written by provider staff. Raw HTML is shown as text
 * (`html: false`), markdown-it's link check refuses `javascript:`, `vbscript:`, `file:` and most `data:` URLs, and
 * images are off (the site's CSP would block other hosts' pictures anyway). The output is safe for `{@html}`.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable('image');

/** Headings inside a description sit under the page's own h1 and h2: `#` becomes h3. */
const HEADING_SHIFT = 2;

const shiftHeading: RendererRule = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_open = shiftHeading;
md.renderer.rules.heading_close = shiftHeading;

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  // Links written by providers lead off the platform: no referrer, and search engines need not follow them.
  tokens[idx].attrSet('rel', 'nofollow noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
