// Two writers at once, like `log` in a loop from two shells: each spawns the real binary COUNT times in a row.
// Usage: node test/e2e/stress-writers.mjs <database> [count]   (count defaults to $ONEONONE_STRESS_COUNT or 60)
// Prints one JSON line: { count, failures: [{ writer, n, code, stderr }], ms }.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'bin', 'oneonone.js');
const [database, countArg] = process.argv.slice(2);
const count = Number(countArg ?? process.env.ONEONONE_STRESS_COUNT ?? 60);

function once(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--db', database, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  });
}

async function writer(name) {
  const failures = [];
  for (let n = 1; n <= count; n++) {
    const { code, stderr } = await once(['log', `Writer ${name}`, '--note', `${name}-${n}`, '--minutes', '30']);
    if (code !== 0 || stderr !== '') failures.push({ writer: name, n, code, stderr });
  }
  return failures;
}

const started = Date.now();
const failures = (await Promise.all([writer('Alpha'), writer('Zulu')])).flat();
process.stdout.write(`${JSON.stringify({ count, failures, ms: Date.now() - started })}\n`);
