import { CommunicationProtocolEnum, DaprClient } from '@dapr/dapr';
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/base-config.js';
import { daprLoggerOptions } from './dapr-logger.js';

/** DaprClient over HTTP to the local sidecar (127.0.0.1:DAPR_HTTP_PORT), sending DAPR_API_TOKEN. */
export function createDaprClient(config: BaseConfig, logger: Logger): DaprClient {
  return new DaprClient({
    daprHost: '127.0.0.1',
    daprPort: String(config.DAPR_HTTP_PORT),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    daprApiToken: config.DAPR_API_TOKEN,
    logger: daprLoggerOptions(logger),
  });
}
