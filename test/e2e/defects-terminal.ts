import { spawn, type IPty } from '@lydell/node-pty';
// A dependency of @inquirer/testing, already installed; it draws what a real terminal would show.
import xterm from '@xterm/headless';
import { BIN, type Sandbox } from './helpers.js';
import { stripAnsi } from './terminal.js';

/**
 * The real binary in a pseudo-terminal of a chosen size, with a terminal emulator reading what it prints.
 * TERM comes from `env` (node-pty sets it from the terminal's name, so terminal.ts cannot give TERM=dumb).
 */
export interface SizedTerminal {
  /** Every row the emulator holds: what scrolled off the top, then the screen. */
  rows(): string[];
  /** Everything printed so far, escape sequences removed. */
  text(): string;
  /** Everything printed so far, as the terminal received it. */
  raw(): string;
  write(keys: string): void;
  /** Later waits look only at what is printed after this. */
  mark(): void;
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  exit(timeoutMs?: number): Promise<number>;
  kill(): void;
}

export function openSizedTerminal(box: Sandbox, args: string[], size: { cols: number; rows: number }, env: NodeJS.ProcessEnv = {}): SizedTerminal {
  const screen = new xterm.Terminal({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  const pty: IPty = spawn(process.execPath, [BIN, ...args], {
    name: env.TERM ?? 'xterm-256color', cols: size.cols, rows: size.rows, cwd: box.dir,
    env: { ...box.env, TERM: 'xterm-256color', ...env } as Record<string, string>,
  });
  let output = '';
  let marked = 0;
  let pending = Promise.resolve();
  pty.onData((data) => {
    output += data;
    pending = pending.then(() => new Promise<void>((resolve) => screen.write(data, resolve)));
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => stripAnsi(output);
  const rows = () => {
    const buffer = screen.buffer.active;
    return Array.from({ length: buffer.length }, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '');
  };
  return {
    rows,
    text,
    raw: () => output,
    write: (keys) => pty.write(keys),
    mark: () => {
      marked = text().length;
    },
    kill: () => pty.kill('SIGKILL'),
    async waitFor(pattern, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => {
        const since = text().slice(marked);
        return typeof pattern === 'string' ? since.includes(pattern) : pattern.test(since);
      };
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen ended with:\n${text().slice(-1500)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await pending;
    },
    async exit(timeoutMs = 8000) {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms:\n${text().slice(-1500)}`)), timeoutMs).unref());
      return Promise.race([exited, timeout]);
    },
  };
}

/** What the emulator shows once everything printed so far has been drawn. */
export async function settled(terminal: SizedTerminal, ms = 150): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return terminal.rows();
}
