import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**粗体** and a [link](https://example.org/a)')).toBe(
      '<p><strong>粗体</strong> and a <a href="https://example.org/a" rel="nofollow noopener noreferrer">link</a></p>\n',
    );
  });

  it('shows a <script> element as text', () => {
    const html = renderMarkdown('<script>alert(1)</script>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows raw HTML, attributes and event handlers as text', () => {
    const html = renderMarkdown(
      '<img src=x onerror="alert(1)"> <a href="https://evil.example">x</a>\n\n<div>block</div>',
    );
    expect(html).not.toMatch(/<(img|a|div)\b/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('does not make links of javascript:, vbscript: or data: URLs, however written', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      const html = renderMarkdown(`[click](${url}) <${url}>`);
      expect(html, url).not.toContain('<a');
      expect(html, url).not.toMatch(/href="(javascript|vbscript|data):/i);
    }
  });

  it('does not render images', () => {
    expect(renderMarkdown('![x](https://example.org/x.png)')).not.toContain('<img');
  });

  it('moves headings below the page headings', () => {
    expect(renderMarkdown('# 课程目标\n\n###### Deep')).toBe('<h3>课程目标</h3>\n<h6>Deep</h6>\n');
  });
});
