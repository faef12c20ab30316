/** Epoch milliseconds as a `google.protobuf.Timestamp` (the shape ts-proto generates). */
export function protoTimestamp(ms: number): { seconds: string; nanos: number } {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}
