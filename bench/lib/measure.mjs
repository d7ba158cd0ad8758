// Timing whole processes: each run of ours alternated with its reference (A B A B …) so that
// drift in the machine's load falls on both sides; medians of the times and of the per-pair ratios.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RSS_PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

/**
 * One process to completion: wall time in ms, exit code, the start of stderr. stdout goes to /dev/null, or with
 * `stdout: 'pipe'` into a real pipe this process drains and discards (a writer pays a system call per write() there,
 * which /dev/null hides), or with `stdout: { file }` into that file, truncated first (as `> file` in a shell).
 * `bytes` is what arrived through the pipe. With `cpuFile` it runs under GNU time (where installed), which writes the
 * CPU the process used (user and system, as wait4 reports it) there: `cpuMs`. On a shared machine the wall time also
 * counts the moments the process waited for a core; its CPU does not.
 */
export function runOnce(command, { env, cwd, rssFile, cpuFile, stdout = 'ignore' } = {}) {
  const [file, ...args] = cpuFile && GNU_TIME ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, ...command] : command;
  return new Promise((resolvePromise) => {
    const childEnv = { ...env };
    if (rssFile) {
      childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${RSS_PROBE}`.trim();
      childEnv.ONEONONE_BENCH_RSS_FILE = rssFile;
    }
    const outFd = typeof stdout === 'object' ? openSync(stdout.file, 'w', 0o600) : undefined;
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { env: childEnv, cwd, stdio: ['ignore', outFd ?? stdout, 'pipe'] });
    if (outFd !== undefined) closeSync(outFd); // the child holds its own copy
    let bytes = 0;
    child.stdout?.on('data', (chunk) => (bytes += chunk.length));
    let stderr = '';
    let polledKb = 0;
    // A second, independent look at the peak: the kernel's high-water mark, polled while it runs.
    const poll = rssFile ? setInterval(() => (polledKb = Math.max(polledKb, readHighWater(child.pid))), 20) : undefined;
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error) => {
      clearInterval(poll);
      resolvePromise({ ms: NaN, code: -1, stderr: String(error.message), peakKb: 0 });
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(poll);
      let probedKb = 0;
      if (rssFile) {
        try {
          probedKb = Number(readFileSync(rssFile, 'utf8').trim()) || 0;
        } catch {
          probedKb = 0;
        }
      }
      // The probe's own reading wins; polling from outside is the fallback (it can miss the last moments).
      resolvePromise({ ms, code: code ?? (signal ? 128 : -1), stderr, peakKb: probedKb || polledKb, bytes, cpuMs: cpuFile ? timedCpuMs(cpuFile) : undefined });
    });
  });
}

const GNU_TIME = ['/usr/bin/time'].find((path) => existsSync(path));

/** User plus system seconds as GNU time wrote them (its last line: earlier ones are the command's own exit status), in ms. */
function timedCpuMs(file) {
  try {
    const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return Number.isFinite(user + system) ? (user + system) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** VmHWM from /proc/<pid>/status in kB, or 0 where there is no /proc or the process is gone. */
export function readHighWater(pid) {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `ours` and `reference` alternately: one warm-up of each (not counted; it also shows whether
 * the command exists), then `runs` pairs, the order flipping each pair (A B, B A, …).
 */
export async function comparePair(ours, reference, { runs, env, cpuFile }) {
  const warmOurs = await runOnce(ours.command, { env, stdout: ours.stdout });
  if (warmOurs.code !== 0) return { failure: warmOurs };
  const warmRef = await runOnce(reference.command, { env, stdout: reference.stdout });
  if (warmRef.code !== 0) return { failure: { ...warmRef, reference: true } };
  const oursMs = [];
  const refMs = [];
  const ratios = [];
  const cpu = { ours: [], ref: [], ratios: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['ours', 'ref'] : ['ref', 'ours'];
    const pair = {};
    const pairCpu = {};
    for (const side of order) {
      const { command, stdout } = side === 'ours' ? ours : reference;
      const result = await runOnce(command, { env, stdout, cpuFile });
      if (result.code !== 0) return { failure: { ...result, reference: side === 'ref' } };
      pair[side] = result.ms;
      pairCpu[side] = result.cpuMs;
    }
    oursMs.push(pair.ours);
    refMs.push(pair.ref);
    ratios.push(pair.ours / pair.ref);
    if (pairCpu.ours > 0 && pairCpu.ref > 0) {
      cpu.ours.push(pairCpu.ours);
      cpu.ref.push(pairCpu.ref);
      cpu.ratios.push(pairCpu.ours / pairCpu.ref);
    }
  }
  const cpuMeasured = cpu.ratios.length === runs
    ? { cpu: { ours: median(cpu.ours), reference: median(cpu.ref), ratio: median(cpu.ratios), oursMs: cpu.ours, refMs: cpu.ref } }
    : {};
  return { ours: median(oursMs), reference: median(refMs), ratio: median(ratios), oursMs, refMs, bytes: { ours: warmOurs.bytes, reference: warmRef.bytes }, ...cpuMeasured };
}

export function scratchDir(prefix = 'oneonone-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; NaN without /proc. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the name: state is [0], utime [11], stime [12], in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
