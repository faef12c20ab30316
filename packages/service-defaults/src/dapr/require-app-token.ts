import type { IncomingMessage, ServerResponse } from 'node:http';
import { toProblemJson, PROBLEM_JSON_CONTENT_TYPE } from '../errors/to-problem-json.js';
import { DomainError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';
import { tokensEqual } from '../security/tokens-equal.js';

/**
 * Express-compatible middleware: requests from daprd carry `dapr-api-token: <APP_API_TOKEN>`; anything else
 * gets 401 problem+json. `exemptPaths` (health probes) pass without a token.
 */
export function requireAppToken(expectedToken: string, exemptPaths: readonly string[] = []) {
  const exempt = new Set(exemptPaths);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const header = req.headers['dapr-api-token'];
    if (exempt.has(path) || tokensEqual(typeof header === 'string' ? header : undefined, expectedToken)) {
      next();
      return;
    }
    const problem = toProblemJson(
      new DomainError(ErrorKind.Unauthenticated, 'App.InvalidApiToken', 'Missing or invalid dapr-api-token.'),
    );
    res.writeHead(401, { 'content-type': PROBLEM_JSON_CONTENT_TYPE });
    res.end(JSON.stringify(problem));
  };
}
