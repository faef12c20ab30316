import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  status,
  type Client,
  type ServiceDefinition,
  type ServiceError,
  type sendUnaryData,
  type ServerUnaryCall,
} from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';
import type { RequestOutcome } from '../metrics/red-metrics.js';
import { createGrpcServer, type GrpcAppServer } from './create-grpc-server.js';
import { unaryHandler } from './unary-handler.js';

interface Echo {
  text: string;
}
const json = {
  serialize: (value: Echo) => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString()) as Echo,
};
const echoService = {
  echo: {
    path: '/test.v1.EchoService/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
} satisfies ServiceDefinition;

const echoService2 = {
  echo: { ...echoService.echo, path: '/test.v1.RawService/Echo' },
} satisfies ServiceDefinition;

type EchoClient = Client & {
  echo(
    request: Echo,
    metadata: Metadata,
    callback: (error: ServiceError | null, response?: Echo) => void,
  ): void;
};
const EchoClient = makeGenericClientConstructor(echoService, 'EchoService');
const RawClient = makeGenericClientConstructor(echoService2, 'RawService');
const TOKEN = 'app-token-0123456789abcdef';

describe('createGrpcServer', () => {
  let app: GrpcAppServer;
  let client: EchoClient;
  let raw: EchoClient;
  const recorded: RequestOutcome[] = [];

  beforeAll(async () => {
    app = createGrpcServer({
      port: 0,
      appApiToken: TOKEN,
      logger: pino({ level: 'silent' }),
      metrics: { record: (outcome) => void recorded.push(outcome) },
    });
    app.addService(echoService, {
      echo: unaryHandler<Echo, Echo>((request) => {
        if (request.text === 'missing')
          throw new DomainError(ErrorKind.NotFound, 'Echo.NotFound', 'Nothing to echo.');
        return { text: request.text };
      }),
    });
    app.addService(echoService2, {
      // A plain callback handler that throws: mapped by createGrpcServer, without leaking the message.
      echo: (_call: ServerUnaryCall<Echo, Echo>, _callback: sendUnaryData<Echo>) => {
        throw new Error('db password=hunter2 rejected');
      },
    });
    const port = await app.listen();
    client = new EchoClient(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as EchoClient;
    raw = new RawClient(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as EchoClient;
  });
  afterAll(async () => {
    client.close();
    raw.close();
    await app.stop(1_000);
  });

  function echo(
    text: string,
    token?: string,
    via: EchoClient = client,
  ): Promise<{ error: ServiceError | null; response?: Echo }> {
    const metadata = new Metadata();
    if (token !== undefined) metadata.set('dapr-api-token', token);
    return new Promise((resolve) =>
      via.echo({ text }, metadata, (error, response) => resolve({ error, response })),
    );
  }

  it('serves calls that carry the app token', async () => {
    expect(await echo('hi', TOKEN)).toEqual({ error: null, response: { text: 'hi' } });
  });

  it('rejects a missing token with UNAUTHENTICATED', async () => {
    const { error } = await echo('hi');
    expect(error?.code).toBe(status.UNAUTHENTICATED);
  });

  it('rejects a wrong token with UNAUTHENTICATED', async () => {
    const { error } = await echo('hi', 'not-the-app-token-at-all');
    expect(error?.code).toBe(status.UNAUTHENTICATED);
  });

  it('maps a DomainError from a handler to its status and code trailer', async () => {
    const { error } = await echo('missing', TOKEN);
    expect(error?.code).toBe(status.NOT_FOUND);
    expect(error?.details).toBe('Echo.NotFound: Nothing to echo.');
    expect(error?.metadata.get('x-error-code')).toEqual(['Echo.NotFound']);
  });

  it('maps anything else a handler throws to INTERNAL without its message', async () => {
    const { error } = await echo('hi', TOKEN, raw);
    expect(error?.code).toBe(status.INTERNAL);
    expect(error?.details).toBe('Internal.Unexpected: Internal error.');
  });

  it('records RED metrics with the method path as route', () => {
    expect(recorded.map(({ route, statusCode }) => [route, statusCode])).toContainEqual([
      '/test.v1.EchoService/Echo',
      status.UNAUTHENTICATED,
    ]);
    expect(recorded.filter((outcome) => outcome.error).map((outcome) => outcome.statusCode)).toEqual([
      status.INTERNAL,
    ]);
  });
});
