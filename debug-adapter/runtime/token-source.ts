// The engines the debugger can drive, behind one interface: the native engine (generation on a
// worker thread), the JS engine and the graph evaluator (generation in slices on this thread,
// yielding between slices so a pause gets through). Each has been prefilled with the prompt;
// `generate` hands over new tokens in order and stops on halt, the budget, a pause or a cancel.
// All three record what their heads selected at every position (SelectionLog), in the same form,
// for the Attention view.
import { buildMachineGraph } from '../../engine/machine/interpreter';
import { MachineRunner } from '../../engine/machine/run';
import { JsEngine } from '../../engine/model/js-engine';
import { type NativeEngine, openNative, type RecordedSelections } from '../../engine/model/native-engine';
import { SelectionLog, type SelectionRecording } from '../../engine/model/selection-log';
import type { Instruction } from '../../engine/tokens/program-file';
import { T_HALT } from '../../engine/tokens/vocabulary';
import { readModel } from '../../engine/weights/file';
import type { TransformerModel } from '../../engine/weights/model';

export type EngineKind = 'native' | 'js' | 'graph';
export type SourceStop = 'halt' | 'budget' | 'paused' | 'cancelled';

export interface TokenSource {
  readonly kind: EngineKind;
  /** Generates at most `budget` tokens, handing each chunk to `onTokens` as it is made. */
  generate(budget: number, onTokens: (tokens: Int32Array) => void): Promise<SourceStop>;
  /** Stops a running generate() after the token in flight. */
  pause(): void;
  cancel(): void;
  /** What the recorded heads selected at any position so far (engines that can tell). */
  selectionsAt(position: number): RecordedSelections | undefined;
}

export interface SourceOptions {
  readonly kind: EngineKind;
  readonly modelFile: string;
  /** The model in modelFile, when the caller has read it already. */
  readonly model?: TransformerModel;
  readonly prompt: Int32Array;
  /** Needed by the graph evaluator in specialized mode. */
  readonly instructions?: readonly Instruction[];
  readonly specialized?: boolean;
}

export function openSource(o: SourceOptions): TokenSource {
  if (o.kind === 'native') return new NativeSource(openNative(o.modelFile), o.prompt);
  // The graph's selections are reported as the heads of the model built from it.
  const weights = o.model ?? readModel(o.modelFile);
  const model =
    o.kind === 'js'
      ? new JsEngine(weights)
      : new MachineRunner(
          o.specialized ? buildMachineGraph('specialized', o.instructions) : buildMachineGraph('universal'),
          'hull',
          weights.layers,
        );
  return new SlicedSource(o.kind, model, o.prompt);
}

class NativeSource implements TokenSource {
  readonly kind = 'native' as const;
  /** The debugger shows attention at any step: every position's selections, compressed. */
  private readonly log: SelectionLog;

  constructor(
    private readonly engine: NativeEngine,
    prompt: Int32Array,
  ) {
    this.log = new SelectionLog(engine);
    engine.feed(prompt);
  }

  async generate(budget: number, onTokens: (tokens: Int32Array) => void): Promise<SourceStop> {
    // The log's finished blocks are taken as the tokens come, so the engine holds one or two.
    const r = await this.engine.generate({ halt: T_HALT, budget, chunk: 8192 }, (tokens) => {
      this.log.pull();
      onTokens(tokens);
    });
    this.log.pull();
    if (r.reason === 'halt' || r.reason === 'paused' || r.reason === 'cancelled') return r.reason;
    return 'budget';
  }

  pause(): void {
    this.engine.pause();
  }

  cancel(): void {
    this.engine.cancel();
  }

  selectionsAt(position: number): RecordedSelections | undefined {
    return this.log.at(position);
  }
}

/** A model stepped on this thread, a slice of tokens at a time. */
class SlicedSource implements TokenSource {
  private request: 'run' | 'paused' | 'cancelled' = 'run';
  private halted = false;
  private readonly log: SelectionLog;

  constructor(
    readonly kind: 'js' | 'graph',
    private readonly model: { feed(t: number): void; predict(): number } & SelectionRecording,
    prompt: Int32Array,
  ) {
    this.log = new SelectionLog(model);
    for (const t of prompt) model.feed(t);
  }

  async generate(budget: number, onTokens: (tokens: Int32Array) => void): Promise<SourceStop> {
    this.request = 'run';
    const slice = new Int32Array(1024);
    let made = 0;
    while (made < budget && !this.halted) {
      if (this.request !== 'run') return this.request;
      let n = 0;
      while (n < slice.length && made < budget) {
        const t = this.model.predict();
        slice[n++] = t;
        made++;
        if (t === T_HALT) {
          this.halted = true;
          break;
        }
        this.model.feed(t);
      }
      this.log.pull();
      onTokens(slice.slice(0, n));
      await new Promise((resolve) => setImmediate(resolve)); // let requests (pause) in
    }
    return this.halted ? 'halt' : 'budget';
  }

  pause(): void {
    this.request = 'paused';
  }

  cancel(): void {
    this.request = 'cancelled';
  }

  selectionsAt(position: number): RecordedSelections | undefined {
    return this.log.at(position);
  }
}
