/**
 * `@shopstream/service-defaults/contracts`: the rules every side of a contract shares — services, the web
 * app and tools. Pure modules only (zod at most): no Node built-ins, no grpc-js, no I/O.
 *
 * Bundled code (the web app's pages, proxy and browser code) imports the leaf modules instead,
 * `@shopstream/service-defaults/contracts/tenant-id` and `…/session-cookies`: they have no relative imports,
 * and Turbopack does not resolve this repository's `./x.js` → `x.ts` imports. Code Node loads at run time
 * (tsx) may use this index.
 */
export { isTenantId, TENANT_ID_MESSAGE, TENANT_ID_PATTERN, tenantIdSchema } from './tenant-id.js';
export {
  isServicePrincipal,
  SERVICE_SUBJECT_PREFIX,
  serviceClientIdSchema,
  serviceSubject,
} from './service-subject.js';
export { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from './session-cookies.js';
export {
  httpStatusOfGrpcFailure,
  problemFromGrpcFailure,
  type GrpcFailure,
} from '../errors/problem-from-grpc.js';
export { type FieldError } from '../errors/domain-error.js';
export { type ProblemJson } from '../errors/to-problem-json.js';
