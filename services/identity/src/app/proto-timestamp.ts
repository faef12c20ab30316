/** Epoch milliseconds as the JSON form of `google.protobuf.Timestamp` that ts-proto's `toJSON` expects. */
export function protoTimestamp(ms: number): { seconds: string; nanos: number } {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}
