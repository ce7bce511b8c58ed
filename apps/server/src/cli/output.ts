// How the CLI talks to people: lines to stdout, problems to stderr, outcomes in English and
// Chinese, and progress bars on stderr that also work without a terminal.
import { Presets, SingleBar } from 'cli-progress';
import { OUTCOMES, type Outcome } from '@shoudan/core';

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** A check failed or the engine refused (an outcome). */
  failed: 1,
  /** Bad usage or configuration. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes text to stdout exactly as given (CSV, for example). */
export function write(text: string): void {
  process.stdout.write(text);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** An engine outcome: its code, then what it means in English and Chinese. */
export function printOutcome(outcome: Outcome): void {
  const entry = OUTCOMES[outcome.code];
  printError(`${outcome.code}: ${entry.en} / ${entry.zh}`);
  if (outcome.detail) {
    for (const [key, value] of Object.entries(outcome.detail)) {
      printError(`  ${key}: ${String(value)}`);
    }
  }
}

export type Progress = {
  update(done: number, total: number): void;
  stop(): void;
};

/** Without a TTY the bar prints a line this often. */
const NO_TTY_SCHEDULE_MS = 1_000;

/** A progress bar on stderr, started on its first update. */
export function progressBar(label: string): Progress {
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        bar = new SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} {percentage}%`,
            stream: process.stderr,
            noTTYOutput: true,
            notTTYSchedule: NO_TTY_SCHEDULE_MS,
            hideCursor: false,
          },
          Presets.shades_classic,
        );
        bar.start(total, done);
        return;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
