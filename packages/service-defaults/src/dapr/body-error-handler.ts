import { DomainError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';
import { PROBLEM_JSON_CONTENT_TYPE, toProblemJson } from '../errors/to-problem-json.js';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

interface ErrorResponse {
  headersSent: boolean;
  status(code: number): ErrorResponse;
  type(contentType: string): ErrorResponse;
  json(body: unknown): void;
}

/**
 * Express error middleware for request bodies the SDK's body parsers refuse (malformed JSON, too large,
 * unsupported charset): a problem+json with a stable code instead of Express's HTML error page (which
 * would show a stack trace outside production). Anything else goes on to the next handler.
 */
export function bodyErrorHandler(
  error: unknown,
  _req: unknown,
  res: ErrorResponse,
  next: (error?: unknown) => void,
): void {
  const parserError = error as BodyParserError | undefined;
  if (res.headersSent || typeof parserError?.type !== 'string' || !parserError.type.startsWith('entity.')) {
    next(error);
    return;
  }
  const domainError =
    parserError.type === 'entity.too.large'
      ? new DomainError(ErrorKind.TooLarge, 'Request.BodyTooLarge', 'The request body is too large.')
      : new DomainError(ErrorKind.Validation, 'Request.MalformedBody', 'The request body is not valid JSON.');
  const problem = toProblemJson(domainError);
  const status = parserError.type === 'entity.too.large' ? 413 : problem.status;
  res
    .status(status)
    .type(PROBLEM_JSON_CONTENT_TYPE)
    .json({ ...problem, status });
}
