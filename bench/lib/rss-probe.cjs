// Preloaded (node --require) into a measured process: on exit, writes its own peak resident set
// size in kB (getrusage ru_maxrss) to $ONEONONE_BENCH_RSS_FILE. Works wherever Node runs, unlike
// /usr/bin/time -v, and sees the very end of the process, unlike polling /proc.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.ONEONONE_BENCH_RSS_FILE;
if (file) {
  delete process.env.ONEONONE_BENCH_RSS_FILE;
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The measurement is lost, the command is not.
    }
  });
}
