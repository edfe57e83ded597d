import { isIPv4, isIPv6 } from 'node:net';

/**
 * A coarse place for the sessions list, from the address a session signed in from: `loopback`, `private` (a local
 * network), or the network prefix (/24 for IPv4, /48 for IPv6). Never the full address, and no outside geo service.
 */
export function placeOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const ip = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (isIPv4(ip)) {
    const [a, b, c] = ip.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254))
      return 'private';
    return `${a}.${b}.${c}.0/24`;
  }
  if (isIPv6(ip)) {
    const lower = ip.toLowerCase();
    if (lower === '::1') return 'loopback';
    if (/^f[cd]/.test(lower) || /^fe[89ab]/.test(lower)) return 'private';
    const groups = expandIPv6(lower).slice(0, 3);
    return `${groups.join(':')}::/48`;
  }
  return null;
}

function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

/** "Chrome · Android" from a User-Agent: enough to recognise one's own phone, nothing more. */
export function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return 'unknown';
  const ua = userAgent;
  const browser = /MicroMessenger/i.test(ua)
    ? 'WeChat'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /HeadlessChrome|Chrome\/|CriOS/.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /^node|undici|curl|axios|okhttp/i.test(ua)
              ? 'App'
              : 'Browser';
  const system = /HarmonyOS/i.test(ua)
    ? 'HarmonyOS'
    : /Android/i.test(ua)
      ? 'Android'
      : /iPhone|iPad|iOS/i.test(ua)
        ? 'iOS'
        : /Windows/i.test(ua)
          ? 'Windows'
          : /Mac OS X|Macintosh/i.test(ua)
            ? 'macOS'
            : /Linux/i.test(ua)
              ? 'Linux'
              : null;
  return system ? `${browser} · ${system}` : browser;
}
