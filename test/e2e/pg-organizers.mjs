// One organizer logging meetings in a row against a server, as `oneonone log` typed COUNT times from one shell.
// Usage: node test/e2e/pg-organizers.mjs <postgres url> <organizer number> [count] [--spawn]
// By default each log runs the built CLI (dist/cli.js: commander, the log command, the engine) inside this process,
// a fresh copy of the CLI module per log, the command counted finished when the event loop empties as the binary's
// process would; --spawn runs bin/oneonone.js once per log instead (~0.3 s of CPU each).
// Every organizer cycles through the same ten people in step with the others, so logs of one person meet at the
// server: their figures, rung moves and referral contend. Prints one JSON line:
// { organizer, count, sent: { meetings, notes, asks, yes, followups } (of the logs that succeeded), failures: [{ n, args, code, stderr }], ms }.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'oneonone.js');
const CLI = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;

export const PEOPLE = ['Ana Ruiz', 'Ben Okafor', 'Chen Wei', 'Dara Singh', 'Eli Moreno', 'Fatima Khan', 'Gus Petrov', 'Hana Sato', 'Ivan Duarte', 'Jade Kowalski'];
const FIRST = ['Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Yusuf'];
const LAST = ['Mensah', 'Vogel', 'Bianchi', 'Haddad', 'Farouk', 'Nair', 'Byrne', 'Lima', 'Laine', 'Novak'];

/** Whom one organizer hears of from one of the people: new once, then known; one name per organizer and person. */
export function referral(organizer, who) {
  return `${FIRST[organizer]} ${LAST[who]}`;
}

/**
 * The nth log of one organizer: the same person as every other organizer's nth, a rung that flips each round of ten
 * (so ten organizers ask for the same move at once), asks and follow-ups on half and a third of them.
 */
export function logArgs(organizer, n) {
  const who = n % PEOPLE.length;
  const round = Math.floor(n / PEOPLE.length);
  const args = ['log', PEOPLE[who], '--note', `organizer ${organizer} log ${n}`, '--minutes', '30'];
  args.push('--rung', round % 2 === 0 ? 'participant' : 'volunteer');
  if ((n + organizer) % 2 === 0) args.push('--ask', `ask ${organizer}-${n}`, '--outcome', (n + organizer) % 4 === 0 ? 'yes' : 'maybe');
  if ((n + organizer) % 3 === 0) args.push('--followup', 'in 3 days', '--followup-note', `call back ${organizer}-${n}`);
  if (round % 3 === 0) args.push('--referral', referral(organizer, who));
  return args;
}

function sentBy(args) {
  return {
    meetings: 1,
    notes: 1,
    asks: args.includes('--ask') ? 1 : 0,
    yes: args.includes('yes') ? 1 : 0,
    followups: args.includes('--followup') ? 1 : 0,
  };
}

function spawned(url, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--db', url, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  });
}

/** What a stream's write was asked to show, kept instead of shown; a callback is called as the stream would. */
function capture(stream, into) {
  const write = stream.write;
  stream.write = (chunk, ...rest) => {
    into.push(String(chunk));
    const callback = rest.find((arg) => typeof arg === 'function');
    if (callback) queueMicrotask(callback);
    return true;
  };
  return () => (stream.write = write);
}

let runs = 0;

async function inProcess(url, args) {
  const stderr = [];
  const stdout = [];
  const restore = [capture(process.stderr, stderr), capture(process.stdout, stdout)];
  const listeners = process.stdout.listeners('error');
  process.argv = [process.execPath, BIN, '--db', url, ...args];
  process.exitCode = undefined;
  const finished = new Promise((done) => process.once('beforeExit', done));
  try {
    await import(`${CLI}?run=${++runs}`);
    await finished;
  } finally {
    for (const undo of restore) undo();
    // Each copy of the CLI listens for EPIPE on stdout; a hundred would make Node warn of a leak.
    for (const listener of process.stdout.listeners('error')) if (!listeners.includes(listener)) process.stdout.off('error', listener);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stderr: stderr.join('') };
}

async function main() {
  const [url, organizerArg, countArg, mode] = process.argv.slice(2);
  const organizer = Number(organizerArg);
  const count = Number(countArg ?? 100);
  const once = mode === '--spawn' ? spawned : inProcess;
  const sent = { meetings: 0, notes: 0, asks: 0, yes: 0, followups: 0 };
  const failures = [];
  const started = Date.now();
  for (let n = 0; n < count; n++) {
    const args = logArgs(organizer, n);
    const { code, stderr } = await once(url, args);
    if (code !== 0 || stderr !== '') failures.push({ n, args, code, stderr });
    else for (const [key, value] of Object.entries(sentBy(args))) sent[key] += value;
  }
  process.stdout.write(`${JSON.stringify({ organizer, count, sent, failures, ms: Date.now() - started })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
