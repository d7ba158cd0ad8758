// Preloaded (node --require) into a measured process: on exit, writes its own peak resident set
// size in kB to $ONEONONE_BENCH_RSS_FILE. It sees the very end of the process, unlike polling /proc
// from outside, and needs no /usr/bin/time.
//
// VmHWM from /proc/self/status first: getrusage's ru_maxrss survives fork and exec on Linux, so a
// child of a big parent (the bench, after generating a 1.3 GB database) reports the parent's peak.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');

const file = process.env.ONEONONE_BENCH_RSS_FILE;
if (file) {
  delete process.env.ONEONONE_BENCH_RSS_FILE;
  process.on('exit', () => {
    let kb;
    try {
      kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    } catch {
      kb = undefined;
    }
    try {
      writeFileSync(file, `${kb || process.resourceUsage().maxRSS}`);
    } catch {
      // The measurement is lost, the command is not.
    }
  });
}
