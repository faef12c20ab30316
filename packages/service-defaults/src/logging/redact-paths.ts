/**
 * Keys whose values never reach a log line, matched at the top level and up to two levels deep
 * (`password`, `*.password`, `*.*.password`). Names are compared exactly, so list common spellings.
 */
export const SENSITIVE_KEYS: readonly string[] = [
  'password',
  'passwd',
  'newPassword',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'access_token',
  'refresh_token',
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'dapr-api-token',
  'DAPR_API_TOKEN',
  'APP_API_TOKEN',
  'email',
  'phone',
  'address',
  'card',
  'cardNumber',
  'card_number',
  'pan',
  'cvc',
  'cvv',
  'iban',
  'ssn',
];

function segment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
}

/** pino `redact.paths` for `SENSITIVE_KEYS` plus any service-specific extra keys. */
export function redactPaths(extraKeys: readonly string[] = []): string[] {
  return [...SENSITIVE_KEYS, ...extraKeys].flatMap((key) => {
    const seg = segment(key);
    const top = seg.startsWith('.') ? seg.slice(1) : seg;
    return [top, `*${seg}`, `*.*${seg}`];
  });
}
