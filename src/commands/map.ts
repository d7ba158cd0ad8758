import type { GlobalOptions } from './context.js';

/** Written next (a stub so the program builds). */
export async function run(..._args: [...unknown[], GlobalOptions]): Promise<void> {
  throw new Error('not yet');
}
