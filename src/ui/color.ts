import { Chalk, type ChalkInstance } from 'chalk';

/** chalk ignores NO_COLOR, so the rules live here: flag, NO_COLOR, TERM=dumb, not a terminal. */
export function colorWanted(flag: boolean, stream: NodeJS.WriteStream = process.stdout, env = process.env): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function paint(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 2 : 0 });
}
