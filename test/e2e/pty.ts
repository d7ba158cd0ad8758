import { spawn } from '@lydell/node-pty';
import { BIN } from './helpers.js';

export interface PtyStep {
  /** Wait until the screen so far contains this text… */
  waitFor: string;
  /** …then type this. */
  send: string;
}

export interface PtyOptions {
  env: NodeJS.ProcessEnv;
  steps: PtyStep[];
  timeoutMs?: number;
  term?: string;
  cols?: number;
  cwd?: string;
}

/** Runs the real binary in a real terminal (80x30), typing each answer when its question is on screen; fails fast instead of hanging. */
export function runInPty(args: string[], env: NodeJS.ProcessEnv, steps: PtyStep[], timeoutMs = 15_000, term = 'xterm-256color'): Promise<{ code: number; screen: string }> {
  return driveTerminal(process.execPath, [BIN, ...args], { env, steps, timeoutMs, term });
}

/** Any program (a shell, the binary) in a real terminal, driven step by step. */
export function driveTerminal(command: string, args: string[], options: PtyOptions): Promise<{ code: number; screen: string }> {
  const { env, steps, timeoutMs = 15_000, term = 'xterm-256color', cols = 80, cwd } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { name: term, cols, rows: 30, env: env as Record<string, string>, ...(cwd ? { cwd } : {}) });
    let screen = '';
    let next = 0;
    let from = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the ${command} session timed out at step ${next}; screen so far:\n${screen}`));
    }, timeoutMs);
    child.onData((data) => {
      screen += data;
      const step = steps[next];
      const at = step ? screen.indexOf(step.waitFor, from) : -1;
      if (step && at >= 0) {
        next++;
        from = at + step.waitFor.length;
        child.write(step.send);
      }
    });
    child.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve({ code: exitCode, screen });
    });
  });
}
