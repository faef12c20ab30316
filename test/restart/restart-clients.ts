import { Client, Connection } from '@temporalio/client';
import { daprActorInvoker } from '@shopstream/service-defaults';
import { daprApiToken, portsOf } from '@shopstream/testing/stack';
import { ports } from '../../tools/stack/ports.js';

export { stackS3Client as s3Client } from '../../tools/stack/provision.js';

/** A Temporal client on the stack's dev server (close its connection when done). */
export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  return { client: new Client({ connection }), close: () => connection.close() };
}

/** An actor method through the sidecar of the app that hosts the actor type (service-defaults' invoker). */
export async function actorCall<T>(host: string, type: string, id: string, method: string, body?: unknown) {
  const invoke = daprActorInvoker({
    daprHttpPort: portsOf(host).daprHttp,
    daprApiToken,
    unavailableCode: 'Restart.ActorUnavailable',
  });
  return (await invoke(type, id, method, body)) as T;
}
