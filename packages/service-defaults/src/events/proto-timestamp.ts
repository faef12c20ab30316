/** Epoch milliseconds as a `google.protobuf.Timestamp` of the generated code (seconds as a decimal string). */
export function protoTimestamp(ms: number): { seconds: string; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}
