// Preload for the built CLI (`node --import ./test/support/loaded-modules.mjs bin/oneonone.js …`): appends to the file
// named by ONEONONE_LOADED_MODULES the URL of every ES module the process loads (through a loader hook, which runs in
// its own thread) and, as it exits, the file of every CommonJS module it required (require.cache). A test reads the
// list to see what a command loaded.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const list = process.env.ONEONONE_LOADED_MODULES;

/** The loader hook: runs in the hooks thread for every module imported, chunks of dist/ included. */
export async function load(url, context, nextLoad) {
  if (list) appendFileSync(list, `${url}\n`);
  return nextLoad(url, context);
}

if (isMainThread && list) {
  register(import.meta.url);
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => {
    const required = Object.keys(cache).map((file) => pathToFileURL(file).href);
    if (required.length > 0) appendFileSync(list, `${required.join('\n')}\n`);
  });
}
