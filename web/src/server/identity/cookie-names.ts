/** identity-sessions' cookie names (services/identity/src/adapters/http/session-cookies.ts, adr/0018). */
export const ACCESS_COOKIE = '__Host-shopstream-access';
export const REFRESH_COOKIE = '__Host-shopstream-refresh';
export const CSRF_COOKIE = '__Host-shopstream-csrf';
