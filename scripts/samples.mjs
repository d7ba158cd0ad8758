#!/usr/bin/env node
// Makes every sample of output in the docs from a real run of the built binary, and checks them.
//
//   node scripts/samples.mjs            rewrite every block marked <!-- sample: … --> with what its command prints
//   node scripts/samples.mjs --check    change nothing; exit 1 naming the file, the sample and the first line that differs
//   --root DIR                          read (and write) the pages under DIR instead of the repository (the test's copy)
//   --only NAME                         only the samples whose marker contains NAME
//   --demo                              make the demo record, keep it, and say how to run commands against it
//
// How it works, and how to add a sample: CONTRIBUTING.md, "Samples of output in the docs".
import { spawn } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { spawn as spawnProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'oneonone.js');
/** Where the sandbox's home is shown in a sample: the docs speak of an organizer's own computer. */
const SHOWN_HOME = '/home/you';

// ── the demo record ───────────────────────────────────────────────────────
// A small tenant union, as an organizer would have it after seven weeks of one-on-ones. Dates are whole days back from now, so
// "42 days ago" is always 42 days ago and the relative words in the output come out the same at any hour.

/** The sign-in sheet of last night's tenant meeting: two people nobody has met yet. */
const SIGN_IN = `First Name,Last Name,E-mail,Cell,Neighbourhood
Ana,Ortiz,,555 010 0900,Eastside
Dev,Patel,dev@example.org,,Maple Court
`;

export const DEMO = [
  ['log', 'Eve Stone', '--date', '49 days ago', '--minutes', '30', '--email', 'eve@example.org', '--neighborhood', 'Northside',
    '--value', 'clean streets', '--rung', 'volunteer', '--potential', '2', '--did', 'purpose'],
  ['log', 'Ana Ruiz', '--date', '42 days ago', '--minutes', '45', '--email', 'ana@example.org', '--phone', '555 010 0100', '--neighborhood', 'Eastside',
    '--value', "her kids' safety", '--interest', 'repairs in her building', '--issue', 'mould in 4B since March',
    '--ask', 'sign the repairs petition', '--outcome', 'yes', '--rung', 'supporter', '--potential', '4', '--did', 'purpose,their-story'],
  ['done', 'A1', '--kept'],
  ['log', 'Marcus Lee', '--date', '35 days ago', '--goal', 'maintenance', '--minutes', '30', '--email', 'marcus@example.org', '--neighborhood', 'Maple Court',
    '--value', 'fairness', '--skill', "runs the building's group chat",
    '--ask', 'chair the next building meeting', '--ask-due', 'in 40 days', '--outcome', 'maybe', '--rung', 'volunteer', '--potential', '3', '--did', 'purpose,barriers'],
  ['log', "Siobhan O'Brien", '--date', '28 days ago', '--minutes', '30', '--phone', '555 010 0400',
    '--value', 'her faith', '--issue', 'rent went up', '--ask', 'sign the repairs petition', '--outcome', 'no', '--did', 'their-story'],
  ['log', 'Ana Ruiz', '--date', '21 days ago', '--goal', 'escalation', '--minutes', '30', '--value', 'standing up for her neighbours', '--issue', 'rent went up 30% in March',
    '--agitation', 'the landlord raised the rent and still has not fixed the mould', '--ask', 'speak at the tenant meeting', '--ask-due', 'in 7 days', '--outcome', 'yes',
    '--rung', 'leader', '--potential', '5', '--referral', 'José Núñez', '--did', 'purpose,their-story', '--story', 'why I joined the union'],
  ['log', 'Bo Chen', '--date', '14 days ago', '--minutes', '45', '--email', 'bo@example.org', '--neighborhood', 'Eastside',
    '--issue', 'no heat since October', '--agitation', "you pay rent on time and he still won't fix the heating",
    '--ask', 'bring two neighbours to the tenant meeting', '--ask-due', 'in 15 days', '--outcome', 'yes', '--rung', 'participant', '--potential', '3',
    '--followup', 'tomorrow 6pm', '--followup-note', 'call about the heating repair', '--did', 'purpose'],
  ['log', 'Carla Díaz', '--date', '7 days ago', '--minutes', '30', '--email', 'carla@example.org', '--phone', '555 010 0300', '--organization', 'St. Anne',
    '--referred-by', 'Ana Ruiz', '--skill', 'speaks Spanish and Cantonese', '--capacity', 'free on weekday evenings',
    '--ask', 'host a house meeting', '--ask-due', 'in 10 days', '--outcome', 'yes', '--rung', 'participant', '--potential', '4',
    '--followup', 'in 2 days', '--followup-note', 'send her the house meeting guide', '--did', 'purpose,their-story',
    '--reflection', 'I asked before she told me what she wanted for her kids'],
  { file: 'tenant-meeting.csv', text: SIGN_IN },
  ['import', 'tenant-meeting.csv'],
];

// ── files the samples read, written into each sample's folder ────────────

/** Windows-1252, as Excel on Windows saves "CSV": the en dash is byte 0x96. */
function windows1252(text) {
  return Buffer.from(text.replaceAll('–', '\u0096'), 'latin1');
}

export const FILES = {
  'sign-in.csv': `First Name,Last Name,E-mail,Cell,Neighbourhood,Congregation,Level,Shirt size
Ana,Ruiz,ana@example.org,(555) 010-0199,02139,,contact,M
Ana,Ruiz,ana.r@school.example.org,,Westside,,,S
Dee,Evans,dee@example.org,555 010 0700,Northside,St. Anne,supporter,L
Bo,Chen,BO@example.org,,,,,XL
,,nobody@example.org,,,,,S
Eli,Ford,eli@example,,,,,M
`,
  'export.txt': [
    ['VANID', 'LastName', 'FirstName', 'MiddleName', 'Address', 'City', 'State', 'Zip5', 'HomePhone', 'CellPhone', 'WorkPhone', 'PersonalEmail', 'WorkEmail', 'OtherEmail', 'Employer'],
    ['2001', 'Ford', 'Eli', '', '4 Oak Ave', 'Shelbyville', 'IL', '62565', '555 010 0500', '555 010 0555', '', '', 'eli@work.example.org', '', 'St. Anne'],
    ['2002', 'Garza', 'Fay', '', '', '', 'IL', '62565', '555 010 0600', '', '', 'fay@example.org', '', '', ''],
  ].map((row) => row.join('\t') + '\n').join(''),
  'inscriptions.csv': windows1252('Nom;Prénom;Courriel;Téléphone;Quartier\r\nDíaz;Zoé;zoe@example.org;06 12 34 56 78;Belleville – nord\r\n'),
};

/** Lines of a marker that are not oneonone commands but a shell's: shown as they are, run by /bin/sh. */
const SHELL = /^(cat|head|ls|mkdir|printf) /;

/**
 * A line of oneonone's that the shell runs, with `oneonone` on its PATH: one with variables set in front of it
 * (`ONEONONE_MINUTES=30 config list`) or piped into another command (`completion bash | head -4`). Shown as typed,
 * with `oneonone` where the command starts: `$ ONEONONE_MINUTES=30 oneonone config list`.
 */
export function shellLine(command) {
  const assignments = /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+/.exec(command)?.[0] ?? '';
  if (!assignments && !/\s\|\s/.test(command)) return undefined;
  return `${assignments}oneonone ${command.slice(assignments.length)}`;
}

let shim;

/** The folder of the `oneonone` the shell finds, made once a run: a script that runs the built binary with this Node. */
function shimFolder() {
  if (shim) return shim;
  shim = mkdtempSync(join(tmpdir(), 'oneonone-samples-bin-'));
  writeFileSync(join(shim, 'oneonone'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  process.on('exit', () => rmSync(shim, { recursive: true, force: true }));
  return shim;
}

// ── the scripted samples: more than a command line ───────────────────────

/** A guide of three short phases, so a sample can live through a whole phase in seconds. */
const QUICK_GUIDE = `name: quick
title: Quick test meeting
phases:
  - key: listen
    title: Listen
    minutes: 0.05
    purpose: Hear what the person cares about.
    questions: [What matters most to you right now?]
    maxTalkShare: 0.2
    noteTags: [value, interest]
  - key: share
    title: Share
    minutes: 0.05
    purpose: Tell your own story.
    maxTalkShare: 0.6
    noteTags: [story]
  - key: ask
    title: Ask
    minutes: 0.05
    purpose: Make one specific ask.
    maxTalkShare: 0.5
`;

function addQuickGuide(world, guide = QUICK_GUIDE) {
  const folder = join(world.env.XDG_CONFIG_HOME, 'oneonone', 'templates');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${/^name: (.+)$/m.exec(guide)[1]}.yaml`), guide);
}

/** A command that asks before it acts, run in a real terminal: each question answered, the screen as it ends. */
async function interactive(world, args, steps) {
  // Wide enough that no line wraps: a sample shows lines as the command wrote them.
  const t = openTerminal(world, args, { cols: 400, rows: 40 });
  try {
    for (const [question, keys] of steps) await t.answer(question, keys);
    await t.exit();
    return { output: `$ oneonone ${quoteArgs(args)}\n${await t.screen()}` };
  } finally {
    t.kill();
  }
}

async function mustRun(world, args) {
  const { code, output } = await run(world, args);
  if (code !== 0) throw new Error(`oneonone ${quoteArgs(args)} exited ${code}:\n${output}`);
}

const BACKUP = 'Backups/oneonone-2026-11-24.db';

/** The quick guide with the q and r keys turned on. */
const COUNTING_GUIDE = QUICK_GUIDE.replace('name: quick\n', 'name: quick-count\ncountQuestions: true\n');

/** In phase 1 of a counting guide: q twice, r three times, one key at a time, until the screen says so. */
async function markTwoQuestionsThreeReflections(t) {
  await t.waitFor('Phase 1 of 3');
  for (const key of 'qqrrr') {
    await sleep(60);
    t.write(key);
  }
  await t.waitFor('2 open questions, 3 reflections');
}

/** The debrief of the quick guide's meeting, from its last phase on: each question and its answer. */
const SUMMARY_STEPS = [
  ['Phase 2 of 3', 'n'],
  ['Phase 3 of 3', 'n'],
  ['The ask:', '\r'],
  ['By when?', 'in 9 days 7pm\r'],
  ['Right?', '\r'],
  ['What might stop them?', 'she has never chaired a meeting\r'],
  ['How will you help remove that?', 'we go over the agenda together the day before\r'],
  ['What did they say', '\r'],
  ['What values did you hear?', 'fairness\r'],
  ['Noted: fairness.', '\r'],
  ['What self-interests', '\r'],
  ['Which issues', 'the boiler\r'],
  ['Noted: the boiler.', '\r'],
  ['What skills', '\r'],
  ['What is their capacity', '\r'],
  ['Agitation:', 'two winters without heat\r'],
  ['The story you shared', '\r'],
  ['on the ladder', '\r'],
  ['Leadership potential', '\r'],
  ['stand on the campaign', '\r'],
  ['Which building, worksite', '\r'],
  ['connect you to anyone', 'Marta Gil\r'],
  ['know Marta Gil?', '\r'],
  ['Carla Díaz, Marta Gil)', '\r'],
  ['Which of these did you do', ' \x1b[B \r'],
  ['When will you follow up', 'in 2 days 6pm\r'],
  ['Right?', '\r'],
  ['Your next step', '\r'],
  ['differently next time', 'ask about the boiler before the ask\r'],
];

/** The same world, its locale Spanish. */
function inSpanish(world) {
  return { ...world, env: { ...world.env, LANG: 'es_MX.UTF-8' } };
}

const QUICK_GUIDE_ES = `name: rapida
title: Reunión rápida
language: es
phases:
  - key: escuchar
    title: Escuchar
    minutes: 0.05
    purpose: Escuchar lo que le importa.
    maxTalkShare: 0.2
  - key: pedir
    title: Pedir
    minutes: 0.05
    purpose: Hacer una solicitud específica.
    maxTalkShare: 0.5
`;

/** The Spanish meeting from its start: a no, the smaller ask, and the debrief. */
const SUMMARY_STEPS_ES = [
  ['¿Empezamos la primera fase?', '\r'],
  ['Fase 1 de 2', 'n'],
  ['Fase 2 de 2', 'n'],
  ['La solicitud específica', '\r'],
  ['¿Para cuándo?', 'el jueves a las 7 de la tarde\r'],
  ['¿Correcto?', '\r'],
  ['¿Qué se le podría atravesar?', 'nunca ha hablado en público\r'],
  ['¿Cómo le vas a ayudar', 'practicamos juntas el día antes\r'],
  ['¿Qué te respondió', '\x1b[B\x1b[B\r'],
  ['¿Y ahora?', '\r'],
  ['La solicitud más pequeña', 'traer a dos vecinas a la reunión\r'],
  ['¿Para cuándo?', 'el jueves a las 7 de la tarde\r'],
  ['¿Correcto?', '\r'],
  ['¿Qué se le podría atravesar?', '\r'],
  ['¿Qué te respondió', '\r'],
  ['¿Qué valores escuchaste?', 'la justicia\r'],
  ['Anotado: la justicia.', '\r'],
  ['¿Qué intereses propios', '\r'],
  ['¿Sobre qué temas', 'el calentador\r'],
  ['Anotado: el calentador.', '\r'],
  ['¿Qué habilidades', '\r'],
  ['¿Cuánta capacidad', '\r'],
  ['Agitar:', 'dos inviernos sin calefacción\r'],
  ['La historia tuya', '\r'],
  ['¿En qué peldaño', '\x1b[B\r'],
  ['potencial de liderazgo', '\r'],
  ['ante la campaña', '\r'],
  ['¿De qué edificio', '\r'],
  ['¿Te conectó con alguien?', '\r'],
  ['¿Cuáles de estas hiciste?', ' \x1b[B \r'],
  ['¿Cuándo le vas a dar seguimiento?', 'en 2 días a las 6 de la tarde\r'],
  ['¿Correcto?', '\r'],
  ['Tu próximo paso', '\r'],
  ['¿Qué harías diferente', 'preguntar por el calentador antes de pedir\r'],
];

export const SCENARIOS = {
  /** The card `start` shows before the meeting, for someone met before with a follow-up open. */
  card: async (world) => {
    const args = ['start', 'Bo Chen', '--template', 'agenda', '--minutes', '30', '--goal', 'maintenance', '--plan-ask', 'bring two neighbours to the tenant meeting'];
    const t = openTerminal(world, args, { cols: 100, rows: 40 });
    try {
      await t.waitFor('Start the first phase now?');
      const screen = await t.screen();
      t.write('\x03');
      await t.exit();
      return { output: screen.slice(0, screen.indexOf('\n\n')) };
    } finally {
      t.kill();
    }
  },

  /** Ctrl-C in the middle of a phase: the one line `start` leaves. */
  'ctrl-c': async (world) => {
    const t = openTerminal(world, ['start', 'Ana Ruiz', '--template', 'agenda', '--minutes', '30', '--goal', 'recruitment', '--plan-ask', 'come to the tenant meeting'], { cols: 400, rows: 40 });
    try {
      await t.answer('Start the first phase now?', '\r');
      await t.answer('Phase 1 of 5', '\x03');
      await t.waitFor('carry on with');
      await t.exit();
      const screen = await t.screen();
      return { output: screen.slice(screen.lastIndexOf('oneonone: stopped')) };
    } finally {
      t.kill();
    }
  },

  /** `restore` in a terminal, asking before it replaces the record with a backup made before a meeting was logged. */
  restore: async (world) => {
    mkdirSync(join(world.dir, 'Backups'));
    await mustRun(world, ['backup', BACKUP]);
    await mustRun(world, ['log', 'Marta Gil', '--value', 'family comes first']);
    return interactive(world, ['restore', BACKUP], [['(y/N)', 'y\r']]);
  },

  /** `forget` in a terminal, after a restore left a copy beside the record: the name typed to confirm. */
  forget: async (world) => {
    mkdirSync(join(world.dir, 'Backups'));
    await mustRun(world, ['backup', BACKUP]);
    await mustRun(world, ['restore', BACKUP, '--yes']);
    return interactive(world, ['forget', 'Siobhan O\'Brien'], [['to confirm', "siobhan o'brien\r"]]);
  },

  /** A whole short meeting through `start`, every debrief question answered, and the summary it ends with. */
  summary: async (world) => {
    addQuickGuide(world);
    const t = openTerminal(world, ['start', 'Ana Ruiz', '--template', 'quick', '--goal', 'escalation', '--plan-ask', 'chair the tenant meeting'], { cols: 100, rows: 40 });
    try {
      for (const [question, keys] of [['Start the first phase now?', '\r'], ['Phase 1 of 3', 'n'], ...SUMMARY_STEPS]) await t.answer(question, keys);
      await t.waitFor('oneonone review M');
      await t.exit();
      const text = t.text();
      const from = text.lastIndexOf('Meeting M');
      return { output: text.slice(from).replaceAll('\r', '') };
    } finally {
      t.kill();
    }
  },

  /** A guide with countQuestions: true, two open questions and three reflections marked with q and r: the live screen's last lines. */
  'counting-screen': async (world) => {
    addQuickGuide(world, COUNTING_GUIDE);
    const t = openTerminal(world, ['start', 'Ana Ruiz', '--template', 'quick-count', '--goal', 'escalation', '--plan-ask', 'chair the tenant meeting'], { cols: 100, rows: 40 });
    try {
      await t.answer('Start the first phase now?', '\r');
      await markTwoQuestionsThreeReflections(t);
      const screen = await t.screen();
      t.write('\x03');
      await t.exit();
      return { output: screen.slice(screen.lastIndexOf('\n', screen.lastIndexOf('Marked in this phase')) + 1) };
    } finally {
      t.kill();
    }
  },

  /** The same meeting to its end: the lines of the summary about the talk, with the reflections to questions. */
  'counting-summary': async (world) => {
    addQuickGuide(world, COUNTING_GUIDE);
    const t = openTerminal(world, ['start', 'Ana Ruiz', '--template', 'quick-count', '--goal', 'escalation', '--plan-ask', 'chair the tenant meeting'], { cols: 400, rows: 40 });
    try {
      await t.answer('Start the first phase now?', '\r');
      await markTwoQuestionsThreeReflections(t);
      t.write('n');
      for (const [question, keys] of SUMMARY_STEPS) await t.answer(question, keys);
      await t.waitFor('oneonone review M');
      await t.exit();
      const text = t.text().replaceAll('\r', '');
      const from = text.indexOf('  Talk:', text.lastIndexOf('Meeting M'));
      return { output: text.slice(from, text.indexOf('\n', text.indexOf('Reflections to questions', from)) + 1) };
    } finally {
      t.kill();
    }
  },

  /** `start --plain` through one short phase: what a screen reader hears, line by line. */
  'plain-phase': async (world) => {
    addQuickGuide(world);
    const t = openTerminal(world, ['start', 'Ana Ruiz', '--template', 'quick', '--goal', 'recruitment', '--plan-ask', 'come to the tenant meeting', '--plain'], { cols: 100, rows: 40 });
    try {
      await t.waitFor('Start the first phase now?');
      t.write('\r');
      await t.waitFor('Time is up for this phase');
      t.write('a');
      await t.waitFor('Note: type it');
      t.write('her kids safety\r');
      await t.waitFor('What kind of note is it?');
      t.write('v');
      await t.waitFor('Noted (value)');
      t.write('n');
      await t.waitFor('Phase done after');
      await sleep(100);
      const text = t.text();
      const from = text.indexOf('Phase 1 of 3: Listen');
      const to = text.indexOf('\n', text.indexOf('Phase done after'));
      t.write('\x03');
      await t.exit();
      return { output: text.slice(from, to).replaceAll('\r', '') + '\n' };
    } finally {
      t.kill();
    }
  },


  /** The same live screen in a Spanish locale, with the Spanish guide, for someone whose card was kept in Spanish. */
  'live-screen-es': async (world) => {
    const es = inSpanish(world);
    await mustRun(es, ['log', 'Rosa Méndez', '--date', '9 days ago', '--language', 'es', '--interpreter', '--value', 'que sus hijos estén seguros', '--issue', 'la humedad en el baño']);
    const args = ['start', 'Rosa Méndez', '--template', 'reunion-uno-a-uno', '--minutes', '30', '--goal', 'recruitment', '--plan-ask', 'venir a la reunión de inquilinos'];
    const t = openTerminal(es, args, { cols: 100, rows: 40 });
    try {
      await t.answer('¿Empezamos la primera fase?', '\r');
      await t.answer('Fase 1 de 5', 'n');
      await t.waitFor('Fase 2 de 5');
      await sleep(1200);
      const screen = await t.screen();
      t.write('\x03');
      await t.exit();
      return { shown: `$ LANG=es_MX.UTF-8 oneonone ${quoteArgs(args)}`, output: screen };
    } finally {
      t.kill();
    }
  },

  /** A short meeting in Spanish to its summary: the ask, a no, the smaller ask, and the debrief answered. */
  'summary-es': async (world) => {
    const es = inSpanish(world);
    addQuickGuide(es, QUICK_GUIDE_ES);
    await mustRun(es, ['log', 'Rosa Méndez', '--date', '9 days ago', '--value', 'que sus hijos estén seguros']);
    const t = openTerminal(es, ['start', 'Rosa Méndez', '--template', 'rapida', '--goal', 'recruitment', '--plan-ask', 'hablar en la reunión de inquilinos'], { cols: 100, rows: 40 });
    try {
      for (const [question, keys] of SUMMARY_STEPS_ES) await t.answer(question, keys);
      await t.waitFor('oneonone review M');
      await t.exit();
      const text = t.text();
      return { output: text.slice(text.lastIndexOf('Reunión M')).replaceAll('\r', '') };
    } finally {
      t.kill();
    }
  },

  /** The live screen of `start`, a few seconds into the Explore phase, drawn by a terminal emulator (100×40). */
  'live-screen': async (world) => {
    const args = ['start', 'Ana Ruiz', '--template', 'agenda', '--minutes', '30', '--goal', 'recruitment', '--plan-ask', 'come to the tenant meeting'];
    const t = openTerminal(world, args, { cols: 100, rows: 40 });
    try {
      await t.waitFor('Start the first phase now?');
      t.write('\r');
      await t.waitFor('Phase 1 of 5');
      t.write('n');
      await t.waitFor('Phase 2 of 5: Explore');
      await sleep(1200);
      const screen = await t.screen();
      t.write('\x03');
      await t.exit();
      return { shown: '$ oneonone ' + quoteArgs(args), output: screen };
    } finally {
      t.kill();
    }
  },
};

// ── running the binary ───────────────────────────────────────────────────

/** A private world: its own home, data and config folders, no colour, no terminal, UTC, like test/e2e's sandbox(). */
function newWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-samples-'));
  return worldAt(dir);
}

function worldAt(dir) {
  const env = {
    PATH: `${shimFolder()}:${process.env.PATH}`,
    HOME: dir,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    XDG_DATA_HOME: join(dir, '.local', 'share'),
    XDG_CONFIG_HOME: join(dir, '.config'),
    NO_COLOR: '1',
  };
  return { dir, env };
}

/**
 * Runs one command; what it prints on stdout and stderr goes into one file, so the two stay in the order they came.
 * Asynchronous, so that several samples are made at once.
 */
function run(world, args) {
  return runInto(world, process.execPath, [BIN, ...args]);
}

/** A line of the shell's (cat, head, ls…) in the sample's folder, its output caught as run() catches it. */
function runShell(world, command) {
  return runInto(world, '/bin/sh', ['-c', command]);
}

let outputs = 0;

function runInto(world, file, args) {
  const outFile = join(tmpdir(), `oneonone-sample-output-${process.pid}-${outputs++}`);
  const fd = openSync(outFile, 'w');
  return new Promise((done, fail) => {
    const child = spawnProcess(file, args, { cwd: world.dir, env: world.env, stdio: ['ignore', fd, fd], timeout: 30_000 });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output: readFileSync(outFile, 'utf8') }));
  }).finally(() => {
    closeSync(fd);
    rmSync(outFile, { force: true });
  });
}

async function buildDemo() {
  const world = newWorld();
  for (const step of DEMO) {
    if (!Array.isArray(step)) {
      writeFileSync(join(world.dir, step.file), step.text);
      continue;
    }
    const { code, output } = await run(world, step);
    if (code !== 0) throw new Error(`the demo record could not be made: oneonone ${quoteArgs(step)} exited ${code}:\n${output}`);
  }
  return world;
}

function copyWorld(template) {
  const world = newWorld();
  cpSync(template.dir, world.dir, { recursive: true });
  return world;
}

function openTerminal(world, args, size) {
  const screen = new xterm.Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true });
  const pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols: size.cols, rows: size.rows, cwd: world.dir, env: { ...world.env, TERM: 'xterm-256color' } });
  let text = '';
  let seen = 0;
  let pending = Promise.resolve();
  pty.onData((data) => {
    text += data.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
    pending = pending.then(() => new Promise((done) => screen.write(data, done)));
  });
  const exited = new Promise((done) => pty.onExit(done));
  return {
    write: (keys) => pty.write(keys),
    text: () => text,
    kill: () => {
      try {
        pty.kill('SIGKILL');
      } catch {
        // already gone
      }
    },
    async waitFor(words, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(words, seen)) {
        if (Date.now() > deadline) throw new Error(`the terminal never showed "${words}"; it ended with:\n${text.slice(-1500)}`);
        await sleep(25);
      }
      seen = text.indexOf(words, seen) + words.length;
    },
    /** Waits for a question (printed after the last one waited for), then types the answer. */
    async answer(words, keys) {
      await this.waitFor(words);
      await sleep(30);
      pty.write(keys);
    },
    async screen() {
      await pending;
      const buffer = screen.buffer.active;
      const rows = Array.from({ length: screen.rows }, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
      while (rows.length && rows.at(-1).trim() === '') rows.pop();
      while (rows.length && rows[0].trim() === '') rows.shift();
      return rows.join('\n') + '\n';
    },
    exit: (timeoutMs = 8000) => Promise.race([exited, sleep(timeoutMs)]),
  };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ── the pages and their markers ──────────────────────────────────────────

export function pages(root) {
  const docs = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`) : [];
  return ['README.md', 'CONTRIBUTING.md', ...docs].filter((page) => existsSync(join(root, page)));
}

// A marker may be indented (a sample inside a list item); its block is then indented as much.
const MARKER = /^( *)<!-- sample:([\s\S]*?)-->\n\1(`{3,})([a-z]*)\n([\s\S]*?)\n?\1\3\n/gm;

/** Every marked block of a page: where it is, what makes it, and what it holds now. */
export function samples(text) {
  const found = [];
  for (const match of text.matchAll(MARKER)) {
    // A marker shown as an example, inside a ````-fenced block, is not a sample.
    if ((text.slice(0, match.index).match(/^````/gm) ?? []).length % 2 === 1) continue;
    const [whole, indent, rawSpec, fence, lang, rawBody] = match;
    const spec = rawSpec.split('\n').map((line) => line.trim()).join('\n').trim();
    const line = text.slice(0, match.index).split('\n').length;
    const commands = spec.startsWith('@') ? [] : spec.split('\n').filter(Boolean);
    const body = rawBody.split('\n').map((bodyLine) => (bodyLine.startsWith(indent) ? bodyLine.slice(indent.length) : bodyLine)).join('\n');
    found.push({ line, spec, indent, name: spec.split('\n')[0], scenario: spec.startsWith('@') ? spec.slice(1) : undefined, commands, fence, lang, body, start: match.index, end: match.index + whole.length });
  }
  return found;
}

/** A command line as a shell reads it: words, with "…" and '…' quoting. */
export function shellWords(line) {
  const words = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = '';
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`an unclosed quote in: ${line}`);
  if (inWord) words.push(word);
  return words;
}

function quoteArgs(args) {
  return args.map((arg) => (/^[\w@%+=:,./#-]+$/u.test(arg) ? arg : arg.includes('"') ? `'${arg}'` : `"${arg}"`)).join(' ');
}

/** What a sample's block should hold now: each command's line and what it printed. */
async function produce(sample, template) {
  const world = copyWorld(template);
  try {
    const parts = [];
    if (sample.scenario) {
      const scenario = SCENARIOS[sample.scenario];
      if (!scenario) throw new Error(`no scenario called @${sample.scenario} in scripts/samples.mjs`);
      const { output } = await scenario(world);
      if (crashed(0, output)) throw new Error(`the scenario @${sample.scenario} crashed, so it makes no sample:\n${output.slice(0, 2000)}`);
      parts.push(output);
    } else {
      for (const [name, content] of Object.entries(FILES)) writeFileSync(join(world.dir, name), content);
      for (const line of sample.commands) {
        const hidden = line.startsWith('!');
        const command = hidden ? line.slice(1).trim() : line;
        const shell = SHELL.test(command) ? command : shellLine(command);
        const shown = shell ?? `oneonone ${command}`;
        const { code, output } = await (shell ? runShell(world, shell) : run(world, shellWords(command)));
        if (crashed(code, output)) throw new Error(`${shown} crashed (exit ${code}), so it makes no sample:\n${output.slice(0, 2000)}`);
        if (hidden && code !== 0) throw new Error(`the hidden step ${command} of a sample exited ${code}:\n${output}`);
        if (!hidden) parts.push(`$ ${shown}\n${output}`);
      }
    }
    return tidy(parts.join(''), world.dir);
  } finally {
    rmSync(world.dir, { recursive: true, force: true });
  }
}

/** A stack trace or an unexpected error is never a sample: a half-built dist/ (a build running meanwhile) prints one. */
function crashed(code, output) {
  return (code !== 0 && code !== 1 && code !== 2) || /^\s+at .+:\d+:\d+\)?$/m.test(output) || /something went wrong/.test(output);
}

function tidy(text, dir) {
  // In a table's cell the shorter folder is padded, so the column's rule still lines up with the rows.
  const pad = ' '.repeat(Math.max(0, dir.length - SHOWN_HOME.length));
  const inCell = new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^│\n]*)│`, 'g');
  return text
    .replace(inCell, (_, rest) => `${SHOWN_HOME}${rest}${pad}│`)
    .replaceAll(dir, SHOWN_HOME)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

// ── comparing ────────────────────────────────────────────────────────────

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTHS_SHORT = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun';
// The Spanish samples (docs/espanol.md) write dates as date-fns's Spanish locale does: "jue 10 dic 2026".
const DIAS = 'lunes|martes|miércoles|jueves|viernes|sábado|domingo|lun|mar|mié|jue|vie|sáb|dom';
const MESES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic';

/**
 * A line as the check compares it: what changes from day to day (dates, times, weekdays, months, ISO weeks, the
 * version) becomes a placeholder, and runs of spaces or of table rules count as one, since a shorter date makes a
 * narrower column. Everything else must match.
 */
export function normalise(line) {
  return line
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '‹time›')
    .replace(/\d{4}-\d{2}-\d{2}T\d{6}/g, '‹time›')
    .replace(/\b\d{4}-W\d{2}\b/g, '‹week›')
    .replace(/\bW\d{2}\b/g, '‹week›')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '‹date›')
    .replace(new RegExp(`(^|[\\s(])(${DIAS}) (\\d{1,2})( de)? (${MESES})( de)?( \\d{4})?(?=[\\s,.)]|$)`, 'g'), '$1‹day› ‹date›')
    .replace(new RegExp(`\\b(${DAYS})\\b`, 'g'), '‹day›')
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g, '‹day›')
    .replace(new RegExp(`\\b\\d{1,2} (${MONTHS}|${MONTHS_SHORT})( \\d{4})?\\b`, 'g'), '‹date›')
    .replace(new RegExp(`\\b(${MONTHS}|${MONTHS_SHORT})\\b`, 'g'), '‹month›')
    .replace(/‹month› \d{1,2}(st|nd|rd|th)?\b/g, '‹date›')
    .replace(/\b\d{1,2} ?(am|pm)\b/g, '‹time›')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, '‹time›')
    .replace(/\bv?\d+\.\d+\.\d+\b/g, '‹version›')
    .replace(/\b\d+(\.\d+)? (B|KB|MB|GB)\b/g, '‹size›')
    .replace(/─+/g, '─')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The first line where two outputs differ after normalising, or undefined when they match. */
export function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let at = 0; at < Math.max(a.length, b.length); at++) {
    if (normalise(a[at] ?? '(nothing)') !== normalise(b[at] ?? '(nothing)')) return { line: at + 1, docs: a[at] ?? '(the block ends)', now: b[at] ?? '(the output ends)' };
  }
  return undefined;
}

// ── the command line ─────────────────────────────────────────────────────

/** A sample's marker and block as written into its page, indented as the marker was. */
function block(sample, now) {
  const marker = `<!-- sample:${sample.spec.includes('\n') ? `\n${sample.spec}\n` : ` ${sample.spec} `}-->`;
  const lines = [...marker.split('\n'), `${sample.fence}${sample.lang || 'text'}`, ...now.split('\n'), sample.fence];
  return lines.map((line) => (line === '' ? '' : sample.indent + line)).join('\n') + '\n';
}

/** How many samples are made at once: each is a few short processes, mostly waiting on the disk and each other. */
const JOBS = 3;

/** Runs `task` over `items`, `jobs` at a time, and gives the results in the items' order. */
async function pool(items, jobs, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function main(argv) {
  const check = argv.includes('--check');
  const root = argv.includes('--root') ? resolve(argv[argv.indexOf('--root') + 1]) : ROOT;
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('build the tool first: npm run build');
  const began = Date.now();
  const template = await buildDemo();
  if (argv.includes('--demo')) {
    process.stdout.write(`The demo record is in ${template.dir}; run commands against it with:\n  env -i PATH="$PATH" ${Object.entries(template.env).filter(([key]) => key !== 'PATH').map(([key, value]) => `${key}=${value}`).join(' ')} node ${BIN} followups\n`);
    return 0;
  }
  const differences = [];
  const work = pages(root).map((page) => {
    const text = readFileSync(join(root, page), 'utf8');
    return { page, text, found: samples(text).filter((sample) => !only || sample.spec.includes(only)) };
  });
  const all = work.flatMap(({ page, found }) => found.map((sample) => ({ page, sample })));
  const count = all.length;
  try {
    const made = await pool(all, JOBS, ({ sample }) => produce(sample, template));
    made.forEach((now, at) => {
      all[at].now = now;
      const difference = firstDifference(all[at].sample.body, now);
      if (difference) differences.push({ ...all[at], difference });
    });
  } finally {
    rmSync(template.dir, { recursive: true, force: true });
  }
  const refreshed = differences.length;
  if (!check) {
    for (const { page, text, found } of work) {
      let rewritten = text;
      for (const sample of [...found].reverse()) {
        const { now } = all.find((item) => item.sample === sample);
        // A block that still matches is left as it is, so a refresh changes only what changed, not every date.
        if (!firstDifference(sample.body, now)) continue;
        rewritten = rewritten.slice(0, sample.start) + block(sample, now) + rewritten.slice(sample.end);
      }
      if (rewritten !== text) writeFileSync(join(root, page), rewritten);
    }
    differences.length = 0;
  }
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  for (const { page, sample, difference } of differences) {
    process.stderr.write(
      `${page}:${sample.line}: the sample "${sample.name}" no longer matches what the command prints, from its line ${difference.line}:\n` +
        `  docs: ${difference.docs}\n  now:  ${difference.now}\n`,
    );
  }
  if (differences.length) {
    process.stderr.write(`${differences.length} of ${count} samples differ (${seconds} s); refresh them with: npm run samples\n`);
    return 1;
  }
  process.stdout.write(check ? `${count} samples match what the commands print (${seconds} s).\n` : `${count} samples made, ${refreshed} of them rewritten (${seconds} s).\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`samples: ${error.message}\n`);
      process.exit(1);
    },
  );
}

