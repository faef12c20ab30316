/**
 * identity-sessions answers with `Set-Cookie` headers (adr/0018). A server action can only set cookies
 * through Next's cookie store, so each header is parsed into name, value and EVERY attribute and set again
 * as it came (the unit test checks the round trip): nothing is added, dropped or changed.
 */
export interface ParsedSetCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  maxAge?: number;
  expires?: Date;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: 'strict' | 'lax' | 'none';
}

export function parseSetCookie(header: string): ParsedSetCookie | undefined {
  const [pair = '', ...attributes] = header.split(/;\s*/);
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: ParsedSetCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1),
    httpOnly: false,
    secure: false,
  };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'max-age') cookie.maxAge = Number(value);
    else if (key === 'expires') cookie.expires = new Date(value);
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') {
      const v = value.toLowerCase();
      if (v === 'strict' || v === 'lax' || v === 'none') cookie.sameSite = v;
    }
  }
  return cookie;
}
