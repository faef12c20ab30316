/** Trailer carrying the stable error code (the "reason"), e.g. `Catalog.NotFound`. */
export const ERROR_CODE_METADATA_KEY = 'x-error-code';
/** Trailer carrying the ErrorKind (`too_large`, `rate_limited` …): gRPC has one code for both of those. */
export const ERROR_KIND_METADATA_KEY = 'x-error-kind';
/** Trailer carrying field errors of a validation failure as JSON `[{field, detail}]`. */
export const FIELD_ERRORS_METADATA_KEY = 'x-field-errors';
