// Line input for the POS program over node:readline: works typed at a terminal and piped from a
// file or a test alike (lines are queued, so none is lost); PINs and passwords are not echoed.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** The input ended (Ctrl-D, end of the piped file): the program stops. */
export class InputEnded extends Error {
  override readonly name = 'InputEnded';
}

export interface Prompt {
  /** Writes the question and returns the next line, trimmed. Throws InputEnded at the end. */
  ask(question: string): Promise<string>;
  /** The same without echoing what is typed. */
  askSecret(question: string): Promise<string>;
  close(): void;
}

export function createPrompt(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WriteStream,
): Prompt {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const terminal = input.isTTY === true;
  const lines = createInterface({ input, output: echo, terminal });
  const queued: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  lines.on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else queued.push(line);
  });
  lines.on('close', () => {
    ended = true;
    for (const waiter of waiting.splice(0)) waiter(undefined);
  });
  const next = (): Promise<string | undefined> => {
    const line = queued.shift();
    if (line !== undefined || ended) return Promise.resolve(line);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const ask = async (question: string, secret: boolean): Promise<string> => {
    output.write(question);
    muted = secret && terminal;
    const line = await next();
    // Without a terminal nothing echoes the answer: end the question's line ourselves.
    if (muted || !terminal) output.write('\n');
    muted = false;
    if (line === undefined) throw new InputEnded('input ended');
    return line.trim();
  };
  return {
    ask: (question) => ask(question, false),
    askSecret: (question) => ask(question, true),
    close: () => lines.close(),
  };
}
