/** The stack's ports (tools/stack/ports.ts), for tests that talk to one server directly. */
export { appPorts, ports } from '../../../tools/stack/ports.js';
