// The language server (vscode-languageserver over stdio or IPC): token programs get diagnostics,
// hover, go to definition of branch and call targets, document symbols per function, folding and
// semantic tokens; C files get the compiler's diagnostics (debounced, in the background) and a
// "Run on Transformer VM | Debug" code lens above main (or compute).
import { fileURLToPath } from 'node:url';
import {
  CodeLens,
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  Location,
  ProposedFeatures,
  Range,
  SemanticTokensBuilder,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jumpTarget } from '../../engine/tokens/program-file';
import { isCommit, isOpcode, isOut, OPCODE_BASE } from '../../engine/tokens/vocabulary';
import { checkC } from './c-diagnostics';
import {
  analyze,
  functions,
  hover,
  instructionAt,
  opcodeToken,
  type TokenDocument,
  tokenAt,
} from './token-document';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzed = new Map<string, { version: number; doc: TokenDocument }>();
const LEGEND = {
  tokenTypes: ['keyword', 'number', 'macro', 'string', 'operator'],
  tokenModifiers: [] as string[],
};
const C_DELAY_MS = 600;
const pendingC = new Map<string, NodeJS.Timeout>();

const isTokenFile = (d: TextDocument) =>
  d.languageId === 'tvm' || /\.tvm$/i.test(d.uri) || (/\.txt$/i.test(d.uri) && /^\s*\{/.test(d.getText()));
const isC = (d: TextDocument) => d.languageId === 'c' || /\.c$/i.test(d.uri);
const pathOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Full,
    hoverProvider: true,
    definitionProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: LEGEND, full: true },
  },
}));

function document(uri: string): TokenDocument | undefined {
  const d = documents.get(uri);
  if (!d || !isTokenFile(d)) return undefined;
  const hit = analyzed.get(uri);
  if (hit && hit.version === d.version) return hit.doc;
  const path = pathOf(uri);
  const doc = analyze(d.getText(), path, path.replace(/\.(tvm|txt)$/i, '.map.json'));
  analyzed.set(uri, { version: d.version, doc });
  return doc;
}

documents.onDidChangeContent(({ document: d }) => {
  if (isTokenFile(d)) {
    const doc = document(d.uri)!;
    const diagnostics: Diagnostic[] = doc.problems.map((p) => ({
      range: Range.create(p.line - 1, p.column - 1, p.line - 1, p.column - 1 + p.length),
      message: p.message,
      severity: DiagnosticSeverity.Error,
      source: 'Transformer VM',
    }));
    void connection.sendDiagnostics({ uri: d.uri, diagnostics });
  } else if (isC(d)) {
    clearTimeout(pendingC.get(d.uri));
    pendingC.set(
      d.uri,
      setTimeout(() => void checkCDocument(d), C_DELAY_MS),
    );
  }
});

async function checkCDocument(d: TextDocument): Promise<void> {
  const version = d.version;
  const problems = await checkC(pathOf(d.uri), d.getText());
  if (documents.get(d.uri)?.version !== version) return; // edited meanwhile: a newer check comes
  void connection.sendDiagnostics({
    uri: d.uri,
    diagnostics: problems.map((p) => ({
      range: Range.create(p.line - 1, Math.max(0, p.column - 1), p.line - 1, Math.max(0, p.column - 1) + 1),
      message: p.message,
      severity: DiagnosticSeverity.Error,
      source: 'Transformer VM',
    })),
  });
}

documents.onDidClose(({ document: d }) => {
  analyzed.delete(d.uri);
  void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
});

connection.onHover(({ textDocument, position }) => {
  const doc = document(textDocument.uri);
  const i = doc && tokenAt(doc, position.line + 1, position.character + 1);
  if (!doc || i === undefined) return null;
  const text = hover(doc, i);
  return text ? { contents: { kind: 'markdown', value: text } } : null;
});

connection.onDefinition(({ textDocument, position }) => {
  const doc = document(textDocument.uri);
  const i = doc && tokenAt(doc, position.line + 1, position.character + 1);
  const at = doc && i !== undefined ? instructionAt(doc, i) : undefined;
  if (!doc?.tokens || !at) return null;
  const target = jumpTarget(doc.instructions[at.index], at.index);
  if (target === undefined || target < 0 || target >= doc.instructions.length) return null;
  const t = opcodeToken(target);
  const line = doc.tokens.lines[t] - 1;
  const column = doc.tokens.columns[t] - 1;
  return Location.create(textDocument.uri, Range.create(line, column, line, column + doc.tokens.lengths[t]));
});

/** The lines an instruction range covers. */
function rangeOf(doc: TokenDocument, start: number, end: number): Range {
  const t = doc.tokens!;
  const first = opcodeToken(start);
  const last = opcodeToken(end - 1) + 4;
  return Range.create(
    t.lines[first] - 1,
    t.columns[first] - 1,
    t.lines[last] - 1,
    t.columns[last] - 1 + t.lengths[last],
  );
}

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = document(textDocument.uri);
  if (!doc?.tokens || !doc.instructions.length) return [];
  return functions(doc).map((f) => {
    const range = rangeOf(doc, f.start, f.end);
    return DocumentSymbol.create(
      f.name,
      `instructions ${f.start}–${f.end - 1}`,
      SymbolKind.Function,
      range,
      range,
    );
  });
});

connection.onFoldingRanges(({ textDocument }) => {
  const doc = document(textDocument.uri);
  if (!doc?.tokens || !doc.instructions.length) return [];
  return functions(doc)
    .map((f) => rangeOf(doc, f.start, f.end))
    .filter((r) => r.end.line > r.start.line)
    .map((r) => FoldingRange.create(r.start.line, r.end.line));
});

connection.languages.semanticTokens.on(({ textDocument }) => {
  const doc = document(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  const t = doc?.tokens;
  if (!t) return builder.build();
  for (let i = 0; i < t.ids.length; i++) {
    const id = t.ids[i];
    const type = isOpcode(id)
      ? 0
      : id < OPCODE_BASE && !isOut(id) && id < 512
        ? 1
        : isCommit(id)
          ? 2
          : isOut(id)
            ? 3
            : 4;
    builder.push(t.lines[i] - 1, t.columns[i] - 1, t.lengths[i], type, 0);
  }
  return builder.build();
});

connection.onCodeLens(({ textDocument }) => {
  const d = documents.get(textDocument.uri);
  if (!d || !isC(d)) return [];
  const lines = d.getText().split('\n');
  // Above the entry point: an ordinary program's main, else a machine program's compute.
  let line = lines.findIndex((l) => /^\s*(?:static\s+)?int\s+main\s*\(/.test(l));
  if (line < 0) line = lines.findIndex((l) => /\bcompute\s*\(/.test(l) && /\bvoid\b/.test(l));
  if (line < 0) return [];
  const range = Range.create(line, 0, line, 0);
  return [CodeLens.create(range, undefined), CodeLens.create(range, undefined)].map((lens, k) => {
    lens.command = {
      title: k === 0 ? 'Run on Transformer VM' : 'Debug',
      command: k === 0 ? 'transformerVm.runFile' : 'transformerVm.debugFile',
      arguments: [textDocument.uri],
    };
    return lens;
  });
});

documents.listen(connection);
connection.listen();
