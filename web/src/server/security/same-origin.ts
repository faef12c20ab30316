const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Login CSRF and cross-site form posts: every state-changing request must carry an `Origin` naming this
 * host (or an allowed extra origin). Browsers send Origin on every POST; a missing one is refused.
 */
export function isSameOriginMutation(
  method: string,
  origin: string | null,
  host: string | null,
  extraOrigins: readonly string[] = [],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || !host) return false;
  if (extraOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
