// The Debug Adapter as a process of its own, speaking DAP over stdio: `node dist/debugAdapter.js`.
// Tests drive it this way, and so can any editor with a DAP client.
import { DebugSession } from '@vscode/debugadapter';
import { TransformerDebugSession } from './session/session';

DebugSession.run(TransformerDebugSession);
