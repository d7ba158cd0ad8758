import { spawn, type IPty } from '@lydell/node-pty';
import { BIN, type Sandbox } from './helpers.js';

/** The real binary in a real pseudo-terminal; every wait has a deadline so a hung prompt fails fast. */
export interface Terminal {
  /** Everything printed so far, escape sequences removed. */
  text(): string;
  /** Everything printed so far, as the terminal received it. */
  raw(): string;
  /** Printed since the last `mark()`. */
  sinceMark(): string;
  mark(): void;
  write(keys: string): void;
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  exit(timeoutMs?: number): Promise<{ exitCode: number; signal?: number }>;
  kill(signal?: string): void;
  pid: number;
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b[()][0-9A-Za-z]/g, '').replace(/\u001b[=>78]/g, '');
}

export function openTerminal(box: Sandbox, args: string[], env: NodeJS.ProcessEnv = {}): Terminal {
  const pty: IPty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 100,
    rows: 40,
    cwd: box.dir,
    env: { ...box.env, TERM: 'xterm-256color', ...env } as Record<string, string>,
  });
  let output = '';
  let marked = 0;
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  pty.onData((data) => {
    output += data;
  });
  const text = () => stripAnsi(output);
  return {
    pid: pty.pid,
    text,
    raw: () => output,
    sinceMark: () => text().slice(marked),
    mark: () => {
      marked = text().length;
    },
    write: (keys) => pty.write(keys),
    kill: (signal) => pty.kill(signal),
    async waitFor(pattern, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      const matches = () => {
        const seen = text().slice(marked);
        return typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen);
      };
      while (!matches()) {
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}; the screen ended with:\n${text().slice(-1500)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return text();
    },
    async exit(timeoutMs = 8000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          pty.kill('SIGKILL');
          reject(new Error(`the process did not exit within ${timeoutMs} ms; the screen ended with:\n${text().slice(-1500)}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Wait for a question, then answer it; later waits only look at what came after. */
export async function answer(t: Terminal, question: string | RegExp, keys: string): Promise<void> {
  await t.waitFor(question);
  t.mark();
  t.write(keys);
}

/** The debrief's questions about what was heard and decided, after the ask and before the follow-up, in order. */
export const HEARD_QUESTIONS = [
  'values did you hear', 'self-interests', 'Which issues', 'What skills', 'What is their capacity', 'Agitation:', 'The story you shared', 'on the ladder',
  'Leadership potential', 'stand on the campaign', 'Which building, worksite', 'connect you to anyone', 'Which of these did you do',
];

/** The debrief's last question, after the follow-up. */
export const REFLECTION = 'differently next time';
