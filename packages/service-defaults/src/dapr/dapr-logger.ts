import { LogLevel, type LoggerOptions, type LoggerService } from '@dapr/dapr';
import type { Logger } from 'pino';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.Debug,
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warn: LogLevel.Warn,
  error: LogLevel.Error,
  fatal: LogLevel.Error,
  silent: LogLevel.Error,
};

/** Routes the Dapr SDK's console logging into our JSON logger (component `dapr-sdk`). */
export function daprLoggerOptions(logger: Logger): LoggerOptions {
  const child = logger.child({ component: 'dapr-sdk' });
  const log =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: unknown, ...params: unknown[]): void => {
      const text = [message, ...params].map((part) =>
        typeof part === 'string' ? part : JSON.stringify(part),
      );
      child[level](text.join(' '));
    };
  const service: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    verbose: log('debug'),
    debug: log('debug'),
  };
  return { level: LEVELS[logger.level] ?? LogLevel.Info, service };
}
