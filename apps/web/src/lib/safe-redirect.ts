/**
 * Accepts only a same-site relative path (`/profile?tab=1`) as a post-login destination; anything that a browser
 * could read as another origin (`//evil.example`, `/\evil.example`, `https://…`) or that is not a path is refused.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/\p{Cc}/u.test(next)) return null;
  try {
    const base = 'http://same.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}
