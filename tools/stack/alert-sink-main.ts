import { alertSink } from './alert-sink.js';

/** `node --import tsx tools/stack/alert-sink-main.ts <port> <file>`: run by the supervisor (observability.ts). */
const [port, file] = process.argv.slice(2);
if (!port || !file) {
  console.error('usage: alert-sink-main.ts <port> <notifications.jsonl>');
  process.exit(2);
}
const server = alertSink(file);
server.listen(Number(port), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
