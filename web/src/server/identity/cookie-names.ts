/** identity-sessions' cookie names and CSRF header: the one definition in service-defaults (adr/0018). */
export {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
} from '@shopstream/service-defaults/contracts/session-cookies';
