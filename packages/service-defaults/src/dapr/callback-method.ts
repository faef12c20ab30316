import { fromBinary, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { MethodDefinition } from '@grpc/grpc-js';

type UnaryDescriptor = { readonly name: string; readonly input: DescMessage; readonly output: DescMessage };

/**
 * A grpc-js method definition for one unary method of a Dapr callback service (`AppCallback`,
 * `AppCallbackAlpha` …), from the Dapr SDK's generated protobuf-es descriptors.
 */
export function daprCallbackMethod<M extends UnaryDescriptor>(
  serviceTypeName: string,
  method: M,
): MethodDefinition<MessageShape<M['input']>, MessageShape<M['output']>> {
  return {
    path: `/${serviceTypeName}/${method.name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (message) => Buffer.from(toBinary(method.input, message)),
    requestDeserialize: (bytes) => fromBinary(method.input, bytes) as MessageShape<M['input']>,
    responseSerialize: (message) => Buffer.from(toBinary(method.output, message)),
    responseDeserialize: (bytes) => fromBinary(method.output, bytes) as MessageShape<M['output']>,
  };
}
