// The Debug Adapter as a process of its own, speaking DAP over stdio: `node dist/debugAdapter.js`.
// Tests drive it this way, and so can any editor with a DAP client.
import { DebugSession } from '@vscode/debugadapter';
import { TransformerDebugSession } from './session/session';

// A promise rejected where nobody waits (a bug, not a request: those are answered by the
// session's gate) is reported in one line; the adapter stays alive for the client.
process.on('unhandledRejection', (e) => {
  process.stderr.write(
    `transformer-vm debug adapter: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
  );
});

DebugSession.run(TransformerDebugSession);
