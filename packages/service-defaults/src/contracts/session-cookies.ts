/**
 * The browser-session contract between identity (which sets these cookies, adr/0018) and the web app (which
 * reads them and forwards the CSRF token): one definition for both.
 */
export const ACCESS_COOKIE = '__Host-shopstream-access';
export const REFRESH_COOKIE = '__Host-shopstream-refresh';
export const CSRF_COOKIE = '__Host-shopstream-csrf';
/** Header carrying the CSRF cookie's value on every cookie-authenticated mutation. */
export const CSRF_HEADER = 'x-csrf-token';
