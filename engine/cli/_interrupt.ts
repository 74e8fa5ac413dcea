// Ctrl-C (SIGINT) for the commands that run long: instead of dying mid-line, a run is asked to
// stop (the engine cancelled after the token in flight), prints what it has, and the command
// exits 130, as a shell reports an interrupted program. A second signal (a terminal sends one to
// the whole process group, and a parent forwards its own) changes nothing.

/** The exit status of an interrupted command (128 + SIGINT). */
export const INTERRUPTED_STATUS = 130;

export class Interrupt {
  private asked = false;
  private stopCurrent?: () => void;
  private readonly onSignal = () => {
    if (this.asked) return;
    this.asked = true;
    this.stopCurrent?.();
  };

  /** Catches SIGINT until `release()`. */
  listen(): this {
    process.on('SIGINT', this.onSignal);
    return this;
  }

  release(): void {
    process.off('SIGINT', this.onSignal);
  }

  get requested(): boolean {
    return this.asked;
  }

  /** What stops the work in progress when the signal comes (undefined: nothing running). */
  onRequest(stop: (() => void) | undefined): void {
    this.stopCurrent = stop;
  }
}
