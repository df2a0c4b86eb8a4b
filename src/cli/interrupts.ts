/**
 * SIGINT and SIGTERM during `export`: a signal stops the export at the next safe point, where the
 * write is finished or undone (src/cli/export-transaction.ts), and the command exits 130 or 143
 * with one line saying what the output folder holds.
 *
 * The writing itself uses synchronous file-system calls between `checkpoint`s, so a signal (which
 * Node delivers on the event loop once a listener is installed) is only ever seen at a checkpoint,
 * never while a rename is half-way in another thread.
 */

import { printable } from "./errors.ts";

export type StopSignal = "SIGINT" | "SIGTERM";

/** 128 + the signal's number, as a shell reports a command a signal stopped. */
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

/** What the output folder holds after an interrupted export of one schema. */
export type InterruptedOutcome = "unchanged" | "new";

/** A signal stopped the command. Thrown through the command, never reported as a failure. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
  constructor(
    readonly signal: StopSignal,
    /** The folder being written, as the user wrote it; absent before one was chosen. */
    readonly folder?: string,
    /** `new` once the swap had started (the new export was completed), else `unchanged`. */
    readonly outcome: InterruptedOutcome = "unchanged",
    /** With several schemas: how many were exported, and which were not begun. */
    readonly progress?: { count: string; notExported: readonly string[] },
  ) {
    super(`interrupted by ${signal}`);
  }

  get exitCode(): number {
    return this.signal === "SIGINT" ? EXIT_SIGINT : EXIT_SIGTERM;
  }

  /** The same interruption, knowing where and with what result. */
  at(folder: string, outcome: InterruptedOutcome): Interrupted {
    return new Interrupted(this.signal, folder, outcome, this.progress);
  }

  /** The same interruption in a run over several schemas: `count` ("1 of 3 schemas exported"). */
  after(count: string, notExported: readonly string[]): Interrupted {
    return new Interrupted(this.signal, this.folder, this.outcome, { count, notExported });
  }

  /** `export interrupted by SIGINT; out is unchanged` (without the program's name). */
  describe(): string {
    const where = this.folder === undefined ? undefined : printable(this.folder);
    const what =
      where === undefined
        ? "nothing was written"
        : this.outcome === "new"
          ? `${where} holds the new export`
          : `${where} is unchanged`;
    const progress = this.progress
      ? `; ${this.progress.count}${this.progress.notExported.length > 0 ? `; not exported: ${this.progress.notExported.map(printable).join(", ")}` : ""}`
      : "";
    return `export interrupted by ${this.signal}; ${what}${progress}`;
  }
}

/** Where the command can be stopped. In-process (tests, the API) nothing stops it. */
export interface Interrupts {
  /** Runs `work` with SIGINT and SIGTERM caught (and only while it runs, unless one came). */
  guard<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A safe point between two steps of a write: throws Interrupted if a signal came since the last
   * one (it lets the event loop turn once, so that a signal sent during the last step is seen).
   */
  checkpoint(moment: string): Promise<void>;
  /** `work` (which changes nothing), or Interrupted as soon as a signal comes. */
  race<T>(work: Promise<T>): Promise<T>;
  /** The signal that came, if one did. */
  signalled(): StopSignal | undefined;
}

export const NO_INTERRUPTS: Interrupts = {
  guard: (work) => work(),
  checkpoint: async () => undefined,
  race: (work) => work,
  signalled: () => undefined,
};

export interface SignalSource {
  on(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  off(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
}

/**
 * The process's signals. `pauseAt` is for the tests only (test/cli/export-interrupted.test.ts):
 * at the first checkpoint whose moment it names, one line goes to `trace` and the write waits
 * (up to a minute) for a signal. It only ever adds a wait where a signal is already taken.
 */
export function processInterrupts(
  source: SignalSource,
  pauseAt?: { moments: readonly string[]; trace(line: string): void },
): Interrupts {
  let received: StopSignal | undefined;
  /** Called when a signal comes: races reject, a pause ends. */
  const waiting = new Set<(signal: StopSignal) => void>();
  let paused = false;
  const onSignal = (signal: StopSignal) => {
    // A second signal while the first is handled changes nothing: the write is being finished or
    // undone synchronously, and the listener stays until the process exits.
    if (received !== undefined) return;
    received = signal;
    for (const wake of [...waiting]) wake(signal);
  };
  const stopIfSignalled = () => {
    if (received !== undefined) throw new Interrupted(received);
  };
  return {
    async guard(work) {
      source.on("SIGINT", onSignal);
      source.on("SIGTERM", onSignal);
      try {
        return await work();
      } finally {
        // After a signal the listeners stay: a second one must not kill the process while it
        // reports and exits.
        if (received === undefined) {
          source.off("SIGINT", onSignal);
          source.off("SIGTERM", onSignal);
        }
      }
    },
    async checkpoint(moment) {
      stopIfSignalled();
      await new Promise<void>((resolve) => setImmediate(resolve));
      stopIfSignalled();
      if (pauseAt && !paused && pauseAt.moments.includes(moment)) {
        paused = true;
        pauseAt.trace(`paused at ${moment}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiting.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, 60_000);
          waiting.add(wake);
        });
        stopIfSignalled();
      }
    },
    signalled: () => received,
    race(work) {
      if (received !== undefined) return Promise.reject(new Interrupted(received));
      let stop: ((signal: StopSignal) => void) | undefined;
      const stopped = new Promise<never>((_, reject) => {
        stop = (signal) => reject(new Interrupted(signal));
        waiting.add(stop);
      });
      return Promise.race([work, stopped]).finally(() => {
        if (stop) waiting.delete(stop);
      });
    },
  };
}
