/** One step of long work: which phase, how far, and optionally which file. */
export interface ProgressStep {
  phase: string;
  done: number;
  total: number;
  file?: string;
}

export interface ProgressReporter {
  update(step: ProgressStep): void;
  /** Clears the bar (a terminal) before the summary is printed. */
  end(): void;
}

const BAR_WIDTH = 24;

/**
 * Progress of long work (ingest: reading, OCR, embedding). On a terminal, one bar redrawn in
 * place with counts and an estimate of the time left; elsewhere (CI, a log file), a plain line
 * when a phase starts or ends and at most one every `everyMs` in between, so logs stay short.
 */
export function progressReporter(stream: { isTTY?: boolean; write(text: string): unknown }, options: { everyMs?: number; now?: () => number } = {}): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 10_000;
  let phaseKey = '';
  let phaseStart = now();
  // Steps are often reported after each unit of work: the rate is taken from the first report on.
  let doneAtStart = 0;
  let lastLine = Number.NEGATIVE_INFINITY;
  return {
    update(step) {
      const key = `${step.phase}\0${step.file ?? ''}`;
      const t = now();
      const starting = key !== phaseKey;
      if (starting) {
        phaseKey = key;
        phaseStart = t;
        doneAtStart = step.done;
      }
      const elapsed = (t - phaseStart) / 1000;
      const measured = step.done - doneAtStart;
      const left = measured > 0 && step.done < step.total ? ` · ~${Math.ceil((elapsed / measured) * (step.total - step.done))} s left` : '';
      const what = `${step.phase}${step.file ? ` ${step.file}` : ''}: ${step.done}/${step.total}`;
      if (stream.isTTY) {
        const filled = step.total > 0 ? Math.round((step.done / step.total) * BAR_WIDTH) : 0;
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${what}${left}`);
        return;
      }
      if (starting || step.done === step.total || t - lastLine >= everyMs) {
        lastLine = t;
        stream.write(`${what}${left}\n`);
      }
    },
    end() {
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
