// Writes the man page, oneonone.1, from the same commander tree that prints --help: src/cli.ts is bundled with
// commander swapped for a shim that keeps the program instead of running it, and every command and subcommand is
// walked with commander's own Help (the same usage lines, option terms, choices and defaults, and the examples
// added with addHelpText). Only what --help cannot say is written here: environment, files and exit status.
//
//   node scripts/build-man.mjs [outdir]   (default: dist; run by scripts/build.mjs after the bundle)
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const MAN_PAGE = 'oneonone.1';

/** What a variable does, for the ENVIRONMENT section (the help names them but cannot explain them). */
const ENVIRONMENT = [
  ['ONEONONE_DB', 'The database: a file, or a postgres:// URL for a team server. Used when --db is not given; it wins over the config file\'s db.'],
  ['ONEONONE_TEMPLATES', 'The folder of your own meeting guides (default: $XDG_CONFIG_HOME/oneonone/templates).'],
  ['ONEONONE_TEMPLATE', "The meeting guide start and log follow when --template is not given; it wins over the config file's template."],
  ['ONEONONE_MINUTES', "The meeting length start and log use when --minutes is not given; it wins over the config file's minutes."],
  ['ONEONONE_LANG', 'The language oneonone speaks (en or es); else the config file, else LC_ALL, LC_MESSAGES or LANG.'],
  ['NO_COLOR', 'When set to anything, no colour (as --no-color). TERM=dumb also turns colour and redrawing off.'],
  ['XDG_DATA_HOME', 'Where the database is kept: $XDG_DATA_HOME/oneonone/oneonone.db (default: ~/.local/share).'],
  ['XDG_CONFIG_HOME', 'Where the config file and your own guides are kept: $XDG_CONFIG_HOME/oneonone/ (default: ~/.config).'],
  ['PGPASSWORD', 'The password for a team server when the URL has none (or put it in ~/.pgpass, mode 0600).'],
];

const FILES = [
  ['$XDG_DATA_HOME/oneonone/oneonone.db', 'Your record: one private SQLite file (mode 0600, in a folder of mode 0700). Copy it safely with oneonone backup.'],
  ['$XDG_CONFIG_HOME/oneonone/config.yaml', 'What you set once with oneonone config: the database, the language, the default guide and length, the cadence, the weekly goal.'],
  ['$XDG_CONFIG_HOME/oneonone/templates/', 'Your own meeting guides, one YAML file each (start from: oneonone templates show agenda --yaml).'],
];

const EXIT_STATUS = [
  ['0', 'It worked.'],
  ['1', 'An error: what went wrong is said in one line on standard error, with a hint.'],
  ['2', 'A usage error: an unknown command or option, or a value that cannot be right.'],
  ['130', 'Interrupted (Ctrl-C); a meeting in progress is kept as a draft to resume.'],
];

/**
 * The program as src/cli.ts builds it, without parsing any argument or loading any command; each command keeps the
 * text of its action (`__oneononeAction`), which scripts/build.mjs reads to know which may run without commander.
 * What main() does before parsing runs (the run's language, the help in it), in `language` whatever the builder's
 * locale: scripts/build.mjs asks for each language's help book, the man page is English.
 */
export async function loadProgram({ language = 'en' } = {}) {
  const shim = {
    name: 'keep-the-program',
    setup(build) {
      build.onResolve({ filter: /^commander$/ }, (args) =>
        args.importer.endsWith(join('src', 'cli.ts')) ? { path: 'commander', namespace: 'keep-the-program' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'keep-the-program' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: [
          `import * as commander from 'commander';`,
          `export * from 'commander';`,
          `const action = commander.Command.prototype.action;`,
          `commander.Command.prototype.action = function (fn) { this.__oneononeAction = String(fn); return action.call(this, fn); };`,
          `export class Command extends commander.Command {`,
          `  constructor(name) { super(name); globalThis.__oneononeProgram ??= this; }`,
          `  parseAsync() { globalThis.__oneononeParsed?.(); return Promise.resolve(this); }`,
          `}`,
        ].join('\n'),
      }));
      // The commands themselves are never run here; what main() loads before parsing is bundled and runs.
      build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && /^\.\/commands\//.test(args.path) ? { path: args.path, external: true } : undefined));
    },
  };
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bundle = await build({
    entryPoints: [join(root, 'src/cli.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    plugins: [shim],
    // commander is CommonJS and requires Node's built-ins, as in scripts/build.mjs.
    banner: { js: `import { createRequire as __oneononeCreateRequire } from 'node:module'; const require = __oneononeCreateRequire(import.meta.url);` },
    define: { PACKAGE_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  const scratch = mkdtempSync(join(tmpdir(), 'oneonone-man-'));
  globalThis.__oneononeProgram = undefined;
  const parsed = new Promise((resolve) => (globalThis.__oneononeParsed = resolve));
  const chosen = process.env.ONEONONE_LANG;
  process.env.ONEONONE_LANG = language;
  let waiting;
  try {
    const file = join(scratch, 'cli.mjs');
    writeFileSync(file, bundle.outputFiles[0].contents);
    await import(pathToFileURL(file).href);
    await Promise.race([parsed, new Promise((_, reject) => (waiting = setTimeout(() => reject(new Error('build-man: src/cli.ts never came to parse its command line')), 20_000)))]);
  } finally {
    clearTimeout(waiting);
    if (chosen === undefined) delete process.env.ONEONONE_LANG;
    else process.env.ONEONONE_LANG = chosen;
    rmSync(scratch, { recursive: true, force: true });
  }
  const program = globalThis.__oneononeProgram;
  if (!program) throw new Error('build-man: src/cli.ts made no commander program');
  return { program, version };
}

// ── roff ────────────────────────────────────────────────────────────────────
/** Text safe on a roff text line: backslashes, dashes and quotes that copy and paste as typed, no control character first. */
function text(value) {
  const escaped = value
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/'/g, "\\(aq")
    .replace(/`/g, '\\(ga')
    .replace(/"/g, '\\(dq');
  return /^[.]/.test(escaped) ? `\\&${escaped}` : escaped;
}

/** A usage or option term: flags bold, placeholders (<x>, [x]) italic, as man pages set them. */
function term(value) {
  return value
    .split(/(\s+|,\s*)/)
    .map((part) => {
      if (/^-/.test(part)) return `\\fB${text(part)}\\fR`;
      if (/^[<[]/.test(part)) return `\\fI${text(part)}\\fR`;
      return text(part);
    })
    .join('');
}

/** A synopsis line: the command's words bold, its placeholders italic. */
function synopsis(usage) {
  const [, words, rest] = /^([^<[]*?)\s*([<[].*)?$/.exec(usage);
  return `\\fB${text(words)}\\fR${rest ? ` ${term(rest)}` : ''}`;
}

function item(label, description) {
  return ['.TP', label, text(description)];
}

/**
 * What addHelpText put after a command's help, as --help prints it: example headings in bold, the example commands
 * unfilled (a command is not broken across lines), "label:   text" lines as items, anything else as a paragraph.
 */
function afterHelp(command) {
  let written = '';
  command.emit('afterHelp', { error: false, command, write: (chunk) => (written += chunk) });
  const out = [];
  let open = false;
  const close = () => {
    if (open) out.push('.fi', '.RE');
    open = false;
  };
  for (const line of written.split('\n')) {
    const labelled = /^(\S.*?:)\s{2,}(\S.*)$/.exec(line);
    if (line.trim() === '') {
      close();
    } else if (/^\s+\$ /.test(line)) {
      if (!open) out.push('.RS 4', '.nf');
      open = true;
      out.push(text(line.trim()));
    } else if (/^Examples?:$/.test(line)) {
      close();
      out.push('.PP', `\\fB${text(line)}\\fR`);
    } else if (labelled) {
      close();
      out.push(...item(text(labelled[1]), labelled[2]));
    } else {
      close();
      out.push('.PP', text(line.trim()));
    }
  }
  close();
  return out;
}

function commandSection(command, helper) {
  const out = [`.SS "${text(helper.commandUsage(command))}"`, text(helper.commandDescription(command))];
  const args = helper.visibleArguments(command);
  const options = helper.visibleOptions(command).filter((option) => option.long !== '--help');
  if (args.length) out.push('.PP', '\\fBArguments:\\fR', '.RS 4', ...args.flatMap((arg) => item(`\\fI${text(helper.argumentTerm(arg))}\\fR`, helper.argumentDescription(arg))), '.RE');
  if (options.length) out.push('.PP', '\\fBOptions:\\fR', '.RS 4', ...options.flatMap((option) => item(term(helper.optionTerm(option)), helper.optionDescription(option))), '.RE');
  const subcommands = helper.visibleCommands(command).filter((sub) => sub.name() !== 'help');
  if (subcommands.length) {
    out.push('.PP', '\\fBCommands:\\fR', '.RS 4', ...subcommands.flatMap((sub) => item(term(helper.subcommandTerm(sub)), helper.subcommandDescription(sub))), '.RE');
  }
  out.push(...afterHelp(command));
  for (const sub of subcommands) out.push(...commandSection(sub, helper));
  return out;
}

export async function manPage() {
  const { program, version } = await loadProgram();
  const helper = program.createHelp();
  helper.prepareContext({ error: false, helpWidth: 80, outputHasColors: false });
  const date = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString().slice(0, 10);
  const commands = helper.visibleCommands(program).filter((command) => command.name() !== 'help');
  const globalOptions = helper.visibleOptions(program);
  const lines = [
    `.\\" Made by scripts/build-man.mjs from the commands' own help (src/cli.ts); edit there, not here.`,
    `.TH ONEONONE 1 ${date} "oneonone ${version}" "User Commands"`,
    // Left-aligned and unhyphenated: option names and paths must read (and paste) as typed.
    '.ad l',
    '.nh',
    '.SH NAME',
    `oneonone \\- ${text(program.description().replace(/^./, (first) => first.toLowerCase()).replace(/\.$/, ''))}`,
    '.SH SYNOPSIS',
    ...commands.flatMap((command) => ['.br', synopsis(`oneonone ${helper.subcommandTerm(command)}`)]).slice(1),
    '.SH DESCRIPTION',
    text(program.description()),
    ...afterHelp(program),
    '.PP',
    'Data goes to standard output and messages to standard error; every listing takes \\fB\\-\\-json\\fR. A problem is told in one line, \\fIoneonone: ...\\fR, with a \\fIhint: ...\\fR line after it.',
    'Run \\fBoneonone\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR for any command\\(aqs options and an example.',
    '.SH OPTIONS',
    ...globalOptions.flatMap((option) => item(term(helper.optionTerm(option)), helper.optionDescription(option))),
    '.SH COMMANDS',
    ...commands.flatMap((command) => commandSection(command, helper)),
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.flatMap(([name, what]) => item(`\\fB${name}\\fR`, what)),
    '.SH FILES',
    ...FILES.flatMap(([path, what]) => item(`\\fI${text(path)}\\fR`, what)),
    '.SH EXIT STATUS',
    ...EXIT_STATUS.flatMap(([code, what]) => item(`\\fB${code}\\fR`, what)),
    '.SH SEE ALSO',
    '\\fBsqlite3\\fR(1), \\fBpsql\\fR(1)',
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes outdir/oneonone.1, in one step and only if it changed. */
export async function writeManPage(outdir) {
  const page = await manPage();
  const path = join(outdir, MAN_PAGE);
  if (existsSync(path) && readFileSync(path, 'utf8') === page) return path;
  mkdirSync(outdir, { recursive: true });
  const scratch = `${path}.${process.pid}.tmp`;
  writeFileSync(scratch, page);
  renameSync(scratch, path);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeManPage(process.argv[2] ?? join(root, 'dist'));
}
