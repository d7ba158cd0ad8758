// Fault injection for test/e2e/crash.test.ts, loaded with NODE_OPTIONS=--import: SIGKILLs the process right after
// the COMMIT of the first transaction that inserted into the table named by ONEONONE_KILL_AFTER_INSERT — the one
// moment a timer cannot aim at. The bundle carries its own copy of better-sqlite3's JavaScript, but the native
// Statement class is shared, so its run() is the place to watch.
import { createRequire } from 'node:module';

const Database = createRequire(import.meta.url)('better-sqlite3');
const insert = new RegExp(`^\\s*INSERT INTO ${process.env.ONEONONE_KILL_AFTER_INSERT}\\b`, 'i');
const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
probe.close();
const run = Statement.run;
let inserted = false;
Statement.run = function (...args) {
  const result = run.apply(this, args);
  if (insert.test(this.source)) inserted = true;
  if (inserted && /^\s*COMMIT\b/i.test(this.source)) process.kill(process.pid, 'SIGKILL');
  return result;
};
