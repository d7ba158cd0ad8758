import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UserError } from './support/errors.js';
import { ARGUMENT_REASONS, usageRefusal } from './messages/usage.js';
import { LANGUAGES } from './support/language.js';
import type { AskDraft, GlobalOptions } from './commands/context.js';

/** Put in by the build from package.json. */
declare const PACKAGE_VERSION: string;

const program = new Command('oneonone');

program
  .description('A coach for one-on-one organizing meetings: prepare, run, record and follow up.')
  .version(PACKAGE_VERSION, '-V, --version', 'print the version')
  .option('--db <file>', "the database file or postgres:// URL (default: $ONEONONE_DB, else the config file's db, else $XDG_DATA_HOME/oneonone/oneonone.db)")
  .option('--no-color', 'no colour (also when NO_COLOR is set, TERM=dumb, or output is not a terminal)')
  .addOption(new Option('--lang <code>', "the language: en or es (default: $ONEONONE_LANG, else the locale's: es_MX.UTF-8 is es, else en)").choices(['en', 'es']))
  .exitOverride()
  // A usage error and its hint, in the run's language (main() loads it before the command line is read).
  .configureOutput({ outputError: (message, write) => write(usageRefusal(message)) })
  .addHelpText(
    'after',
    `
Every morning:   oneonone followups
Before a 1:1:    oneonone start "Ana Ruiz"
After a 1:1:     oneonone log "Ana Ruiz" --value "her kids' safety" --ask "come to the tenant meeting" --ask-due "thursday 7pm" --outcome yes
Your data stays in one private file on this computer; nothing is sent anywhere.`,
  );

// ── the meeting ────────────────────────────────────────────────────────────
program
  .command('start')
  .description('run a one-on-one: prepare, then one screen per phase with a countdown and the 80/20 talk clock, the ask, the debrief')
  .argument('[person]', 'who you are meeting (a name or #id); asked for when left out')
  .option('-t, --template <name>', "meeting guide to follow (default: $ONEONONE_TEMPLATE, else the config file's template, else asked; see: oneonone templates)")
  .option('-m, --minutes <n>', "meeting length in minutes; phases scale to fit (default: $ONEONONE_MINUTES, else the config file's minutes, else asked)", positiveNumber)
  .addOption(new Option('-g, --goal <goal>', 'what this meeting is for').choices(['recruitment', 'maintenance', 'escalation']))
  .option('--plan-ask <text>', 'the ask you plan to make, noted before you begin')
  .option('--resume [id]', 'continue the latest unfinished meeting (or the one with this id)')
  .option('--discard <id>', 'throw away an unfinished meeting (a draft) and everything noted in it')
  .option('--new', 'the person is new, even when the name is someone known or close to them (a namesake)')
  .option('--plain', 'no in-place redraw or animation: one line at each moment (also when TERM=dumb)')
  .addHelpText('after', example('oneonone start "Ana Ruiz" --template agenda --minutes 30 --goal recruitment', 'oneonone start --resume'))
  .action(async (person, options, command) => {
    const { run } = await import('./commands/start.js');
    await run(person, options, globals(command));
  });

program
  .command('log')
  .description('record a one-on-one that already happened, without questions')
  .argument('<person>', 'who you met (a name or #id); a new name adds the person')
  .option('--date <when>', 'when the meeting was (default: now)')
  .addOption(new Option('--goal <goal>', 'what the meeting was for').choices(['recruitment', 'maintenance', 'escalation']).default('recruitment'))
  .addOption(new Option('--mode <how>', 'how it was held').choices(['in-person', 'house-visit', 'phone', 'video']))
  .option('--place <text>', 'where it was held, e.g. "laundromat on 5th"')
  .option('--template <name>', "meeting guide it followed (default: $ONEONONE_TEMPLATE, else the config file's template, else agenda)")
  .option('--minutes <n>', "how long it lasted (default: $ONEONONE_MINUTES, else the config file's minutes, else the guide's length)", positiveNumber)
  .option('--value <text>', 'a value you heard (repeatable)', collect, [])
  .option('--interest <text>', 'a self-interest you heard (repeatable)', collect, [])
  .option('--motivation <text>', 'a motivation (repeatable)', collect, [])
  .option('--issue <text>', 'an issue they care about (repeatable)', collect, [])
  .option('--skill <text>', 'a skill they have (repeatable)', collect, [])
  .option('--capacity <text>', 'their time and capacity (repeatable)', collect, [])
  .option('--story <text>', 'the story you shared (repeatable)', collect, [])
  .option('--lead-in <text>', 'a lead-in to come back to (repeatable)', collect, [])
  .option('--note <text>', 'anything else (repeatable)', collect, [])
  .option('--agitation <text>', 'the contradiction you raised between their values and reality')
  .option('--ask <text>', 'the specific ask you made; repeat the --ask group for a pivot', startAsk, [])
  .option('--ask-due <when>', 'when the ask is for (goes with the --ask before it)', askField('due'))
  .option('--outcome <answer>', 'yes, maybe or no (goes with the --ask before it)', askField('outcome'))
  .option('--barriers <text>', 'what stands in the way of the ask (goes with the --ask before it)', askField('barriers'))
  .option('--support <text>', 'how you will help remove the barriers (goes with the --ask before it)', askField('support'))
  .option('--rung <rung>', 'their rung after this meeting: contact, supporter, participant, volunteer, leader, organizer (or 1-6)')
  .option('--rung-reason <text>', 'why the rung changed')
  .option('--potential <n>', 'leadership potential, 1 to 5', wholeNumber)
  .option('--assess <n>', 'where they stand on the campaign: 1 strong supporter … 5 opposed (0: not assessed)')
  .option('--followup <when>', 'when you will follow up')
  .option('--followup-note <text>', 'your next step')
  .option('--referred-by <name>', 'who connected you to this person')
  .option('--referral <name>', 'someone they connected you to (repeatable)', collect, [])
  .option('--email <address>', "the person's email")
  .option('--phone <number>', "the person's phone")
  .option('--neighborhood <text>', 'where they live or work')
  .option('--organization <text>', 'their organization, school, congregation or workplace')
  .addOption(new Option('--language <code>', 'the language they would rather meet in: en or es').choices(LANGUAGES))
  .option('--interpreter', 'a meeting with them needs an interpreter')
  .option('--no-interpreter', 'a meeting with them needs no interpreter')
  .option('--new', 'add a new person even when the name is someone known or close to them (a namesake)')
  .option('--update', 'the same person with new contact details: replace the email, phone, neighborhood or organization on record')
  .option('--replace-referred-by', 'replace the "referred by" already recorded')
  .option('--did <items>', 'what the record cannot tell, comma-separated: purpose (said why and how you got their name), their-story, barriers, referral')
  .option('--reflection <text>', 'what you would do differently next time')
  .addOption(new Option('--sensitive <choice>', 'on a server, what to do with notes naming immigration status and the like: send them as they are, or private to you').choices(['send', 'private']))
  .option('--json', 'print the saved meeting as JSON')
  .addHelpText(
    'after',
    example(
      'oneonone log "Ana Ruiz" --goal recruitment --minutes 45 --value "family first" --interest "repairs in her building" --ask "come to the tenant meeting" --ask-due "thursday 7pm" --outcome yes --rung participant --potential 4 --followup "wednesday 6pm" --followup-note "call to remind her"',
      'oneonone log "Bo Chen" --mode house-visit --place "his kitchen, Building 12" --note "worried about the rent" --assess 3',
      'oneonone log "Rosa Díaz" --language es --interpreter --note "her daughter translates at the door"',
    ),
  )
  .action(async (person, options, command) => {
    const { run } = await import('./commands/log.js');
    await run(person, { ...options, ask: askGroups }, globals(command));
  });

// ── people ─────────────────────────────────────────────────────────────────
program
  .command('people')
  .description('everyone, with rung, last meeting, open asks and follow-ups')
  .option('--rung <rung>', 'only people at or above this rung')
  .option('--assess <levels>', 'only people assessed at these levels, e.g. 1,2 or 1-2 (1 strong supporter … 5 opposed, 0 not assessed)')
  .option('--stale <days>', 'only people not met in this many days (or never)', dayCount)
  .option('--team', "on a team server: everyone's your role allows, not only yours")
  .option('--organizer <name>', "on a team server: this organizer's")
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone people', 'oneonone people --stale 60 --json', 'oneonone people --assess 3 --rung participant'))
  .action(async (options, command) => {
    const { run } = await import('./commands/people.js');
    await run(options, globals(command));
  });

program
  .command('show')
  .description("one person's whole record: what they care about, every meeting, ask and follow-up, rung history, referrals")
  .argument('<person>', 'a name, a word or the start of one ("ana", "obr"; accents and case do not matter) or #id')
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone show "ana ruiz"', 'oneonone show ana', 'oneonone show "#12" --json'))
  .action(async (person, options, command) => {
    const { run } = await import('./commands/show.js');
    await run(person, options, globals(command));
  });

program
  .command('review')
  .description("a meeting's scorecard and your reflection again (and, on a team, your coach's notes); add to the reflection later")
  .argument('[meeting]', 'the meeting, as M12 (default: your latest)')
  .option('--add <text>', 'add to your reflection: what you would do differently next time')
  .option('--json', 'print the scorecard, reflection and notes as JSON')
  .addHelpText('after', example('oneonone review', 'oneonone review M12', 'oneonone review M12 --add "ask about childcare before the ask"'))
  .action(async (meeting, options, command) => {
    const { run } = await import('./commands/review.js');
    await run(meeting, options, globals(command));
  });

program
  .command('followups')
  .description('what needs you: your follow-ups, check-ins on asks, people due a meeting; soonest first')
  .option('--days <n>', 'look this many days ahead (default 7)', dayCount)
  .option('--all', 'everything open, however far ahead')
  .option('--overdue', 'only what is late')
  .option('--person <name>', 'only this person')
  .option('--cadence [days]', 'show, or set, how often each rung should be met, e.g. leader=14,volunteer=30,other=60; counts=one-on-ones if a call or a door knock should not restart the clock')
  .option('--ics <file>', 'also write the listed items to an iCalendar file')
  .option('--team', 'on a team server: everyone\'s, not only yours')
  .option('--organizer <name>', 'on a team server: this organizer\'s')
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone followups', 'oneonone followups --days 14 --ics week.ics', 'oneonone followups --cadence leader=10', 'oneonone followups --team'))
  .action(async (options, command) => {
    const { run } = await import('./commands/followups.js');
    await run(options, globals(command));
  });

program
  .command('done')
  .description('close a follow-up (F12), an ask check-in (A7) or a cadence reminder (C3)')
  .argument('<id>', 'the id shown by followups')
  .option('--kept', 'the person kept the commitment (asks only)')
  .option('--broken', 'the person did not keep the commitment (asks only)')
  .option('--change', 'replace a kept or broken already recorded for an ask (in a terminal you are asked instead)')
  .addHelpText('after', example('oneonone done F12', 'oneonone done A7 --kept'))
  .action(async (id, options, command) => {
    const { runDone } = await import('./commands/followups-actions.js');
    await runDone(id, options, globals(command));
  });

program
  .command('snooze')
  .description('move a follow-up, ask check-in or cadence reminder to a later date')
  .argument('<id>', 'the id shown by followups')
  .argument('<when>', 'the new date, e.g. "next monday" or 2026-12-02')
  .addHelpText('after', example('oneonone snooze F12 "next monday 9am"'))
  .action(async (id, when, options, command) => {
    const { runSnooze } = await import('./commands/followups-actions.js');
    await runSnooze(id, when, options, globals(command));
  });

program
  .command('leaders')
  .description('people ranked for a talent scout: potential, rung, commitments kept, referrals, time since you met')
  .option('--rung <rung>', 'only people at or above this rung')
  .option('--min-potential <n>', 'only people with at least this leadership potential (1-5)', wholeNumber)
  .option('--assess <levels>', 'only people assessed at these levels, e.g. 1,2 or 1-2 (1 strong supporter … 5 opposed)')
  .option('--stale <days>', 'only people not met in this many days', dayCount)
  .option('--limit <n>', 'show at most this many (default 20)', wholeNumber)
  .option('--team', "on a team server: everyone's your role allows, not only yours")
  .option('--organizer <name>', "on a team server: this organizer's")
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone leaders --min-potential 4', 'oneonone leaders --rung volunteer --stale 30 --json', 'oneonone leaders --assess 1-2'))
  .action(async (options, command) => {
    const { run } = await import('./commands/leaders.js');
    await run(options, globals(command));
  });

program
  .command('ladder')
  .description('how many people stand on each rung, and who moved in the last 30 days')
  .option('--days <n>', 'look back this many days for moves (default 30)', dayCount)
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone ladder'))
  .action(async (options, command) => {
    const { run } = await import('./commands/ladder.js');
    await run(options, globals(command));
  });

program
  .command('stats')
  .description('how you are doing, drawn: meetings per week, your talk share against 20%, the ask funnel, people per rung, your habits')
  .option('--since <when>', 'start from this date (default: 12 weeks ago)')
  .option('--habits <n>', "the scorecard's habits over your last N meetings (default 10)", meetingCount)
  .option('--json', 'print the figures as JSON')
  .addHelpText('after', example('oneonone stats', 'oneonone stats --since "3 months ago" --json', 'oneonone stats --habits 30'))
  .action(async (options, command) => {
    const { run } = await import('./commands/stats.js');
    await run(options, globals(command));
  });

program
  .command('relate')
  .description('record how two people know each other: family, coworker, neighbor, same-building, congregation, friend, leads (A leads B), other')
  .argument('<person>', 'a name, a word or the start of one, or #id')
  .argument('<other>', 'the other person (for --as leads: the one they lead)')
  .requiredOption('--as <kind>', 'how they know each other: family, coworker, neighbor, same-building, congregation, friend, leads, other')
  .option('--note <text>', 'a few words on it, e.g. "same shift at the warehouse"')
  .option('--json', 'print what was recorded as JSON')
  .addHelpText('after', example('oneonone relate "Ana Ruiz" "Bo Chen" --as coworker --note "same shift at the warehouse"', 'oneonone relate ana marcus --as leads'))
  .action(async (person, other, options, command) => {
    const { runRelate } = await import('./commands/relate.js');
    await runRelate(person, other, options, globals(command));
  });

program
  .command('unrelate')
  .description('end a relationship between two people (it stays in their record, marked ended, with when)')
  .argument('<person>', 'a name, a word or the start of one, or #id')
  .argument('<other>', 'the other person')
  .option('--as <kind>', 'only this kind of relationship (default: every one between them)')
  .option('--json', 'print what was ended as JSON')
  .addHelpText('after', example('oneonone unrelate "Ana Ruiz" "Bo Chen" --as coworker', 'oneonone unrelate ana bo'))
  .action(async (person, other, options, command) => {
    const { runUnrelate } = await import('./commands/relate.js');
    await runUnrelate(person, other, options, globals(command));
  });

program
  .command('touch')
  .description('record a contact that was not a one-on-one (a call, a text, a door knocked, a word at an event): kept apart from meetings')
  .argument('<person>', 'a name, a word or the start of one, or #id')
  .requiredOption('--by <way>', 'how: call, text, door, event, other')
  .option('--note <text>', 'a few words on it, e.g. "confirmed Thursday"')
  .option('--date <when>', 'when it happened, e.g. "yesterday 6pm" (default: now)')
  .option('--json', 'print what was recorded as JSON')
  .addHelpText('after', example('oneonone touch "Ana Ruiz" --by call --note "confirmed Thursday"', 'oneonone touch bo --by door --date "yesterday 6pm"'))
  .action(async (person, options, command) => {
    const { run } = await import('./commands/touch.js');
    await run(person, options, globals(command));
  });

program
  .command('map')
  .description('the power map: the web of relationships and referrals around a person or a unit, with rung and assessment beside each name')
  .argument('[person]', 'whose web (a name, a word or the start of one, or #id)')
  .option('--unit <name>', 'the web around the people of this unit instead')
  .option('--depth <n>', 'how many ties out from the person or unit (default 2)', wholeNumber)
  .option('--dot <file>', 'also write it as Graphviz DOT to this file (- for stdout)')
  .option('--svg <file>', 'also write it as an SVG picture to this file (- for stdout)')
  .option('--initials', 'initials instead of names, for a map that will be shown around')
  .option('--json', 'print the people and ties as JSON')
  .option('--plain', 'the tree by indentation alone, no line-drawing characters (also when TERM=dumb)')
  .addHelpText('after', example('oneonone map "Ana Ruiz"', 'oneonone map --unit "Building 12" --depth 1 --svg building-12.svg --initials'))
  .action(async (person, options, command) => {
    const { run } = await import('./commands/map.js');
    await run(person, options, globals(command));
  });

program
  .command('structure')
  .description('the structure test, per unit: people known against its size, assessed, supporters, leaders and whom they lead, recent 1:1s, what a majority needs')
  .option('--unit <name>', 'only this unit')
  .option('--csv', 'print it as CSV (the chart for a spreadsheet)')
  .option('--json', 'print it as JSON')
  .addHelpText('after', example('oneonone structure', 'oneonone structure --unit "Building 12" --csv > building-12.csv'))
  .action(async (options, command) => {
    const { run } = await import('./commands/structure.js');
    await run(options, globals(command));
  });

const units = program
  .command('units')
  .description('the places people share: buildings, worksites, shifts, schools, congregations, blocks, with their size and people known')
  .addHelpText('after', example('oneonone units', 'oneonone units add "Building 12" --kind building --size 40', 'oneonone units edit "building 12" --size 44'));

units
  .command('list', { isDefault: true })
  .description('every unit, with its kind, size (where known) and how many people you know in it')
  .option('--json', 'print them as JSON')
  .addHelpText('after', example('oneonone units', 'oneonone units list --json'))
  .action(async (options, command) => {
    const { runList } = await import('./commands/units.js');
    await runList(options, globals(command));
  });

units
  .command('add')
  .description('add a unit, with its kind and, where known, its size (how many tenants, workers or members)')
  .argument('<name>', 'its name, e.g. "Building 12"')
  .option('--kind <kind>', 'building, worksite, shift, school, congregation, block or other (default: other)')
  .option('--size <n>', 'how many tenants, workers or members it has')
  .option('--json', 'print the unit as JSON')
  .addHelpText('after', example('oneonone units add "Building 12" --kind building --size 40', 'oneonone units add "Night shift" --kind shift'))
  .action(async (name, options, command) => {
    const { runAdd } = await import('./commands/units.js');
    await runAdd(name, options, globals(command));
  });

units
  .command('edit')
  .description('correct a unit: its kind, size or name')
  .argument('<name>', 'the unit (accents and case do not matter)')
  .option('--kind <kind>', 'building, worksite, shift, school, congregation, block or other')
  .option('--size <n>', 'how many tenants, workers or members it has ("" clears it)')
  .option('--name <name>', 'the right name')
  .option('--json', 'print the unit and what changed as JSON')
  .addHelpText('after', example('oneonone units edit "building 12" --size 44', 'oneonone units edit "Bldg 12" --name "Building 12" --kind building'))
  .action(async (name, options, command) => {
    const { runEdit } = await import('./commands/units.js');
    await runEdit(name, options, globals(command));
  });

const scale = program
  .command('scale')
  .description('the assessment scale (0 not assessed, 1 strong supporter … 5 opposed) in your team\'s own words')
  .addHelpText('after', example('oneonone scale', 'oneonone scale rename 2 "leaning yes"', 'oneonone scale reset'));

scale
  .command('list', { isDefault: true })
  .description('each level with the words it reads as, and the default where they differ')
  .option('--json', 'print the levels as JSON')
  .addHelpText('after', example('oneonone scale', 'oneonone scale list --json'))
  .action(async (options, command) => {
    const { runList } = await import('./commands/scale.js');
    await runList(options, globals(command));
  });

scale
  .command('rename')
  .description('call a level by other words everywhere (the stored levels stay 0–5; on a team server, an admin\'s to change)')
  .argument('<level>', 'the level, 1 to 5')
  .argument('<words>', 'what it reads as, e.g. "leaning yes"')
  .addHelpText('after', example('oneonone scale rename 2 "leaning yes"', 'oneonone scale rename 5 "against us"'))
  .action(async (level, words, _options, command) => {
    const { runRename } = await import('./commands/scale.js');
    await runRename(level, words, globals(command));
  });

scale
  .command('reset')
  .description('the default words again, for one level or all of them')
  .argument('[level]', 'only this level, 1 to 5')
  .addHelpText('after', example('oneonone scale reset', 'oneonone scale reset 2'))
  .action(async (level, _options, command) => {
    const { runReset } = await import('./commands/scale.js');
    await runReset(level, globals(command));
  });

// ── the team's spreadsheet ─────────────────────────────────────────────────
program
  .command('export')
  .description('write people, meetings, asks, follow-ups, notes, contacts, relationships or units as CSV for a spreadsheet')
  .addArgument(new Argument('<table>', 'what to export').choices(['people', 'meetings', 'asks', 'followups', 'notes', 'touches', 'relationships', 'units']))
  .option('-o, --out <file>', 'write to this file (created private, 0600) instead of the screen')
  .option('--bom', 'start with a byte-order mark so Excel reads UTF-8')
  .addHelpText('after', example('oneonone export meetings --out meetings.csv', 'oneonone export people --bom > people.csv', 'oneonone export people --lang es --out personas.csv  # headers in Spanish'))
  .action(async (table, options, command) => {
    const { run } = await import('./commands/export.js');
    await run(table, options, globals(command));
  });

program
  .command('import')
  .description('add or update people from a CSV file with a header row; or read back the contacts, relationships or units export wrote')
  .argument('<file>', 'the CSV file')
  .option('--map <header=field>', 'read a column as a field: name, first, last, email, phone, neighborhood, organization, notes, rung, potential, referred_by, assessment, units, language, interpreter (repeatable)', collect, [])
  .option('--delimiter <char>', 'the separator, when the one found from the header row is wrong: ";" or tab (default: a comma, or ";" or a tab when the header has none)')
  .option('--dry-run', 'say person by person what would be added and changed (old → new); change nothing')
  .option('--skip-bad', 'import the good rows even when some rows are bad')
  .option('--demote', 'let the file move people down the ladder (by default a rung only goes up)')
  .option('--overwrite', 'let the file replace details you entered with empty or coarser ones (a zip code over a neighborhood)')
  .option('--json', 'print the counts, each person added or changed with every field old and new, and the bad rows as JSON')
  .addHelpText('after', example('oneonone import sign-in-sheet.csv --dry-run', 'oneonone import contacts.csv --map "Cell=phone" --delimiter ";"', 'oneonone import relationships.csv'))
  .action(async (file, options, command) => {
    const { run } = await import('./commands/import.js');
    await run(file, options, globals(command));
  });

program
  .command('search')
  .description('find words across notes, asks, follow-ups, agitation, stories and people\'s details, best match first')
  .argument('<text...>', 'the words to find (every word must match; a word ending in * matches as a prefix)')
  .option('--tag <tag>', 'only notes with this tag: value, interest, motivation, issue, skill, capacity, story, lead-in, note')
  .option('--limit <n>', 'show at most this many (default 20)', wholeNumber)
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone search rent --tag issue', 'oneonone search "after school" --json'))
  .action(async (words, options, command) => {
    const { run } = await import('./commands/search.js');
    await run(words, options, globals(command));
  });

program
  .command('templates')
  .description('list the meeting guides, built-in and your own, or print one phase by phase')
  .argument('[show]', 'the word "show" to print one')
  .argument('[name]', 'the template to print')
  .option('--yaml', 'print it as a YAML file you can copy into your templates folder and edit')
  .option('--json', 'print as JSON')
  .addHelpText('after', example('oneonone templates', 'oneonone templates show agenda'))
  .action(async (show, name, options, command) => {
    const { run } = await import('./commands/templates.js');
    await run(show, name, options, globals(command));
  });

// ── your data ──────────────────────────────────────────────────────────────
// ── putting mistakes right ─────────────────────────────────────────────────
program
  .command('edit')
  .description('correct a person (name, details, rung, potential, referred by) or a meeting, note, ask or follow-up by its id, without recording a meeting')
  .argument('<what>', 'a person (name, word or #id) or an id shown by show: M12 meeting, N40 note, A6 ask, F3 follow-up')
  .option('--name <name>', 'a person: the right name (the old one still finds them)')
  .option('--email <address>', 'a person: the email ("" clears it)')
  .option('--phone <number>', 'a person: the phone ("" clears it)')
  .option('--neighborhood <text>', 'a person: where they live or work ("" clears it)')
  .option('--organization <text>', 'a person: their organization ("" clears it)')
  .addOption(new Option('--language <code>', 'a person: the language they would rather meet in, en or es (none clears it)').choices([...LANGUAGES, 'none']))
  .option('--interpreter', 'a person: a meeting with them needs an interpreter')
  .option('--no-interpreter', 'a person: a meeting with them needs no interpreter')
  .option('--notes <text>', 'a person: notes about them ("" clears them)')
  .option('--rung <rung>', 'a person: where they stand on the ladder (a move made by hand)')
  .option('--reason <text>', 'a person: why the rung or the assessment changed (with --rung or --assess)')
  .option('--potential <n>', 'a person: leadership potential 1-5 ("" clears it)')
  .option('--assess <n>', 'a person: where they stand on the campaign, 1 strong supporter, 2 leaning supporter, 3 undecided, 4 leaning against, 5 opposed (0: not assessed)')
  .option('--referred-by <name>', 'a person: who connected you to them')
  .option('--no-referred-by', 'a person: nobody referred them')
  .option('--unit <name>', 'a person: they belong to this unit, a building, worksite, congregation … (a new name makes it; repeat for more)', unitMove(false))
  .option('--no-unit <name>', 'a person: they no longer belong to this unit', unitMove(true))
  .option('--unit-kind <kind>', 'a person: the kind of a unit --unit makes (building, worksite, shift, school, congregation, block, other)')
  .option('--date <when>', 'a meeting: when it was')
  .addOption(new Option('--goal <goal>', 'a meeting: what it was for').choices(['recruitment', 'maintenance', 'escalation']))
  .option('--minutes <n>', 'a meeting: how long it was', positiveNumber)
  .option('--mode <how>', 'a meeting: how it was held, in-person, house-visit, phone or video ("" clears it)')
  .option('--place <text>', 'a meeting: where it was held ("" clears it)')
  .option('--text <text>', 'a note, ask or follow-up: the right words (a follow-up: "" for the default wording)')
  .option('--tag <tag>', 'a note: its kind (value, interest, motivation, issue, skill, capacity, story, lead-in, note)')
  .option('--due <when>', 'an ask or follow-up: when it is due (an ask: "" for no date)')
  .option('--outcome <answer>', 'an ask: their answer, yes, maybe or no (none to clear it)')
  .option('--barriers <text>', 'an ask: what stands in the way')
  .option('--support <text>', 'an ask: how you will help')
  .option('--json', 'print what changed as JSON')
  .addHelpText('after', example('oneonone edit ana --email ana.ruiz@example.org --neighborhood Eastside', 'oneonone edit "Ana Ruiz" --name "Ana María Ruiz"', 'oneonone edit A6 --outcome yes', 'oneonone edit M12 --date "last tuesday 6pm"', 'oneonone edit ana --unit "Building 12" --unit-kind building', 'oneonone edit ana --assess 2 --reason "signed the repairs petition"', 'oneonone edit rosa --language es --no-interpreter'))
  .action(async (what, options, command) => {
    const { run } = await import('./commands/edit.js');
    await run(what, options, globals(command));
  });

program
  .command('merge')
  .description('make two records of one person into one: everything moves to the person kept, the duplicate\'s name still finds them')
  .argument('<duplicate>', 'the record to merge away (a name or #id)')
  .argument('<into>', 'the person to keep (a name or #id)')
  .option('--json', 'print what moved as JSON')
  .addHelpText('after', example('oneonone merge "#7" "#3"', 'oneonone merge "Ana R." "Ana Ruiz"'))
  .action(async (duplicate, into, options, command) => {
    const { run } = await import('./commands/merge.js');
    await run(duplicate, into, options, globals(command));
  });

program
  .command('delete')
  .description('delete a meeting, note, ask or follow-up recorded by mistake (a meeting goes with its notes, asks, follow-ups and rung moves)')
  .argument('<id>', 'M12 meeting, N40 note, A6 ask, F3 follow-up (see: oneonone show NAME)')
  .option('--json', 'print what was deleted as JSON')
  .addHelpText('after', example('oneonone delete M12', 'oneonone delete N40'))
  .action(async (id, options, command) => {
    const { run } = await import('./commands/delete.js');
    await run(id, options, globals(command));
  });

program
  .command('undo')
  .description('reverse the last change a command made (log, start, done, snooze, edit, merge, delete, import); again to go further back')
  .option('--json', 'print what was undone as JSON')
  .addHelpText('after', example('oneonone undo', 'oneonone undo && oneonone undo'))
  .action(async (options, command) => {
    const { run } = await import('./commands/undo.js');
    await run(options, globals(command));
  });

program
  .command('forget')
  .description('erase a person and everything about them, beyond recovery')
  .argument('<person>', 'a name or #id')
  .option('-y, --yes', 'do not ask to type the name to confirm')
  .addHelpText('after', example('oneonone forget "Ana Ruiz"'))
  .action(async (person, options, command) => {
    const { run } = await import('./commands/forget.js');
    await run(person, options, globals(command));
  });

program
  .command('backup')
  .description('write a consistent, private copy of the database (safe while oneonone is in use)')
  .argument('<file>', 'where to write the copy')
  .addHelpText('after', example('oneonone backup ~/Backups/oneonone-2026-11-24.db'))
  .action(async (file, options, command) => {
    const { runBackup } = await import('./commands/backup.js');
    await runBackup(file, options, globals(command));
  });

program
  .command('restore')
  .description('replace the database with a backup, keeping the current one as a dated copy')
  .argument('<file>', 'the backup to restore')
  .option('-y, --yes', 'do not ask before replacing the database')
  .addHelpText('after', example('oneonone restore ~/Backups/oneonone-2026-11-24.db'))
  .action(async (file, options, command) => {
    const { runRestore } = await import('./commands/backup.js');
    await runRestore(file, options, globals(command));
  });

// ── a team server ──────────────────────────────────────────────────────────
program
  .command('push')
  .description('send the meetings kept on this computer to the team server now (any command that reaches it sends them too)')
  .option('--as <id>', 'the person on the server the oldest waiting meeting is with, when its name fits several', (value) => wholeNumber(value.replace(/^#/, '')))
  .option('--json', 'print what was sent and what still waits as JSON')
  .addHelpText('after', example('oneonone push', 'oneonone push --as 12'))
  .action(async (options, command) => {
    const { run } = await import('./commands/push.js');
    await run(options, globals(command));
  });

program
  .command('team')
  .description('the team on a server: organizers, their roles, and what each may read (enforced by the database)')
  .addCommand(
    new Command('init')
      .description('set up the team on this server, once, as its PostgreSQL superuser (you become its first admin)')
      .argument('<name>', 'your name, as the team knows you')
      .addHelpText('after', example('oneonone team init "Rosa Delgado" --db postgres://postgres@db.example.org/oneonone'))
      .action(async (name, _options, command) => {
        const { runInit } = await import('./commands/team.js');
        await runInit(name, globals(command));
      }),
  )
  .addCommand(
    new Command('add')
      .description('add an organizer: a login role on the server in the group role of their role (an admin)')
      .argument('<name>', "the organizer's name")
      .addOption(new Option('--role <role>', 'what they may read and do').choices(['organizer', 'lead', 'director', 'admin']).makeOptionMandatory())
      .option('--login <role>', 'their PostgreSQL login (default: made from the name, e.g. ana_ruiz)')
      .option('--supervisor <name>', 'the lead who coaches them')
      .addHelpText('after', example('oneonone team add "Ana Ruiz" --role organizer --supervisor "Marcus Lee"', 'oneonone team add "Marcus Lee" --role lead --login mlee'))
      .action(async (name, options, command) => {
        const { runAdd } = await import('./commands/team.js');
        await runAdd(name, options, globals(command));
      }),
  )
  .addCommand(
    new Command('list')
      .description('the organizers on the team, their roles and leads')
      .option('--json', 'print them as JSON')
      .addHelpText('after', example('oneonone team list', 'oneonone team list --json'))
      .action(async (options, command) => {
        const { runList } = await import('./commands/team.js');
        await runList(options, globals(command));
      }),
  )
  .addCommand(
    new Command('role')
      .description("change an organizer's role (an admin)")
      .argument('<name>', "the organizer's name or login")
      .addOption(new Option('--role <role>', 'their new role').choices(['organizer', 'lead', 'director', 'admin']).makeOptionMandatory())
      .addHelpText('after', example('oneonone team role "Ana Ruiz" --role lead'))
      .action(async (name, options, command) => {
        const { runRole } = await import('./commands/team.js');
        await runRole(name, options, globals(command));
      }),
  )
  .addCommand(
    new Command('remove')
      .description('take an organizer off the team; their people go to another organizer (an admin)')
      .argument('<name>', "the organizer's name or login")
      .requiredOption('--to <name>', 'the organizer their people go to')
      .addHelpText('after', example('oneonone team remove "Ben Ortiz" --to "Ana Ruiz"'))
      .action(async (name, options, command) => {
        const { runRemove } = await import('./commands/team.js');
        await runRemove(name, options, globals(command));
      }),
  )
  .addCommand(
    new Command('audit')
      .description("what was done that matters to members' safety: people erased (never their names), organizers added, roles changed, removals (an admin)")
      .option('--json', 'print it as JSON')
      .addHelpText('after', example('oneonone team audit', 'oneonone team audit --json'))
      .action(async (options, command) => {
        const { runAudit } = await import('./commands/team.js');
        await runAudit(options, globals(command));
      }),
  )
  .addCommand(
    new Command('week')
      .description("the weekly review: each organizer's 1:1s against their goal, talk share, asks, people brought in, ladder moves, overdue follow-ups")
      .option('--organizer <name>', 'only this organizer')
      .option('--weeks <n>', 'how many weeks back, this one included (default 1)', dayCount)
      .option('--json', 'print it as JSON')
      .addHelpText('after', example('oneonone team week', 'oneonone team week --organizer "Ana Ruiz" --weeks 8'))
      .action(async (options, command) => {
        const { runWeek } = await import('./commands/team-week.js');
        await runWeek(options, globals(command));
      }),
  )
  .addCommand(
    new Command('goal')
      .description("set the weekly 1:1 goal, the team's or one organizer's (a lead, director or admin)")
      .requiredOption('--weekly <n>', 'one-on-ones a week', dayCount)
      .option('--organizer <name>', "this organizer's goal instead of the team's")
      .addHelpText('after', example('oneonone team goal --weekly 10', 'oneonone team goal --weekly 6 --organizer "Ana Ruiz"'))
      .action(async (options, command) => {
        const { runGoal } = await import('./commands/team-week.js');
        await runGoal(options, globals(command));
      }),
  )
  .addCommand(
    new Command('import-local')
      .description('bring your own oneonone file into the team server under your name: people matched by email, phone, then name; never merged on the name alone')
      .argument('<file>', 'your local database, e.g. ~/.local/share/oneonone/oneonone.db')
      .option('--dry-run', 'say what would be brought in and matched, and write nothing')
      .option('--json', 'print the report as JSON')
      .addHelpText('after', example('oneonone team import-local ~/.local/share/oneonone/oneonone.db --dry-run', 'oneonone team import-local ~/.local/share/oneonone/oneonone.db'))
      .action(async (file, options, command) => {
        const { runImportLocal } = await import('./commands/team-import-local.js');
        await runImportLocal(file, options, globals(command));
      }),
  )
  .addCommand(
    new Command('words')
      .description('the sensitive words that stop a note before it leaves this computer: the defaults and the team\'s own')
      .addCommand(
        new Command('list')
          .description('every sensitive word checked, the defaults and the team\'s')
          .option('--json', 'print them as JSON')
          .addHelpText('after', example('oneonone team words list'))
          .action(async (options, command) => {
            const { runWordsList } = await import('./commands/team-words.js');
            await runWordsList(options, globals(command));
          }),
      )
      .addCommand(
        new Command('add')
          .description('add a word or phrase the team checks for (an admin)')
          .argument('<term>', 'a word or phrase, e.g. "green card"')
          .addHelpText('after', example('oneonone team words add "green card"'))
          .action(async (term, _options, command) => {
            const { runWordsAdd } = await import('./commands/team-words.js');
            await runWordsAdd(term, globals(command));
          }),
      )
      .addCommand(
        new Command('remove')
          .description("take a word off the team's list (an admin; the defaults stay)")
          .argument('<term>', 'the word or phrase')
          .addHelpText('after', example('oneonone team words remove "green card"'))
          .action(async (term, _options, command) => {
            const { runWordsRemove } = await import('./commands/team-words.js');
            await runWordsRemove(term, globals(command));
          }),
      ),
  );

program
  .command('handoff')
  .description('hand a person to another organizer on the team, with a warm introduction')
  .argument('<person>', 'the person, by any part of their name')
  .requiredOption('--to <organizer>', 'the organizer who takes them on')
  .requiredOption('--note <text>', 'the introduction: who they are, what they care about, what was promised')
  .option('--keep-open', 'leave their open asks and follow-ups with whoever holds them (by default they go to the new owner)')
  .option('--json', 'print what was done as JSON')
  .addHelpText('after', example('oneonone handoff "Maria Lopez" --to "Ben Ortiz" --note "Leads the 3rd floor; promised to bring two neighbors Thursday"'))
  .action(async (person, options, command) => {
    const { runHandoff } = await import('./commands/handoff.js');
    await runHandoff(person, options, globals(command));
  });

program
  .command('coach')
  .description("a lead's or director's note on an organizer's meeting, read in their review and their next followups")
  .argument('<meeting>', 'the meeting, as M12')
  .requiredOption('--note <text>', 'what you saw in the scorecard and figures, and what to try next')
  .option('--json', 'print the note as JSON')
  .addHelpText('after', example('oneonone coach M12 --note "Great credential. Next time ask who else before the follow-up."'))
  .action(async (meeting, options, command) => {
    const { run } = await import('./commands/coach.js');
    await run(meeting, options, globals(command));
  });

// ── setting up ─────────────────────────────────────────────────────────────
program
  .command('config')
  .description('what you set once, kept in $XDG_CONFIG_HOME/oneonone/config.yaml: the database, the language, the default guide and length, the cadence, the weekly goal')
  .addCommand(
    new Command('list')
      .description('every setting, its value and where the value comes from (flag, environment, config file or default)')
      .option('--json', 'print them as JSON')
      .addHelpText('after', example('oneonone config list', 'oneonone config list --json'))
      .action(async (options, command) => {
        const { runList } = await import('./commands/config.js');
        await runList(options, globals(command));
      }),
  )
  .addCommand(
    new Command('get')
      .description("one setting's value")
      .argument('<key>', 'the setting, e.g. db, template, minutes')
      .addHelpText('after', example('oneonone config get db'))
      .action(async (key, _options, command) => {
        const { runGet } = await import('./commands/config.js');
        await runGet(key, globals(command));
      }),
  )
  .addCommand(
    new Command('set')
      .description('keep a setting in the config file')
      .argument('<key>', 'the setting')
      .argument('<value>', 'its value')
      .addHelpText('after', example('oneonone config set minutes 45', 'oneonone config set db ~/organizing/oneonone.db'))
      .action(async (key, value, _options, command) => {
        const { runSet } = await import('./commands/config.js');
        await runSet(key, value, globals(command));
      }),
  )
  .addCommand(
    new Command('unset')
      .description('take a setting out of the config file (its default applies again)')
      .argument('<key>', 'the setting')
      .addHelpText('after', example('oneonone config unset minutes'))
      .action(async (key, _options, command) => {
        const { runUnset } = await import('./commands/config.js');
        await runUnset(key, globals(command));
      }),
  );

program
  .command('doctor')
  .description('check the installation and the database, and say what to fix, one line each')
  .option('--json', 'print the checks as JSON')
  .addHelpText('after', example('oneonone doctor', 'oneonone doctor --db postgres://ana@db.example.org/oneonone'))
  .action(async (options, command) => {
    const { run } = await import('./commands/doctor.js');
    await run(options, globals(command));
  });

program
  .command('completion')
  .description('print the shell completion script for bash, zsh or fish (see the README for where to put it)')
  .addArgument(new Argument('<shell>', 'your shell').choices(['bash', 'zsh', 'fish']))
  .addHelpText('after', example('oneonone completion bash > ~/.local/share/bash-completion/completions/oneonone', 'oneonone completion fish > ~/.config/fish/completions/oneonone.fish'))
  .action(async (shell, _options, command) => {
    const { run } = await import('./commands/completion.js');
    await run(shell, program, globals(command));
  });

// What the completion scripts call at each Tab: candidates for one word, one per line. Not for people to type.
program
  .command('__complete', { hidden: true })
  .argument('[words...]', 'the command line so far, the word being completed last')
  .allowUnknownOption()
  .helpOption(false)
  .action(async (words, _options, command) => {
    const { runComplete } = await import('./commands/completion.js');
    await runComplete(words, program, globals(command));
  });

// ── option helpers ─────────────────────────────────────────────────────────
function example(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}

/** --unit and --no-unit share one list, in the order given. */
function unitMove(leave: boolean) {
  return (name: string, previous: unknown): { name: string; leave: boolean }[] => [...(Array.isArray(previous) ? previous : []), { name, leave }];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(ARGUMENT_REASONS.positiveMinutes);
  return number;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(ARGUMENT_REASONS.wholeNumber);
  return Number(value);
}

function meetingCount(value: string): number {
  const count = wholeNumber(value);
  if (count < 1 || count > 1000) throw new InvalidArgumentError(ARGUMENT_REASONS.meetingCount);
  return count;
}

/** A span of days; beyond a century the date arithmetic behind it has no meaning (and past 100 million days, no value). */
function dayCount(value: string): number {
  const days = wholeNumber(value);
  if (days > 36_500) throw new InvalidArgumentError(ARGUMENT_REASONS.dayCount);
  return days;
}

const askGroups: AskDraft[] = [];

function startAsk(text: string): AskDraft[] {
  askGroups.push({ text });
  return askGroups;
}

function askField(field: 'due' | 'outcome' | 'barriers' | 'support') {
  return (value: string): string => {
    const current = askGroups.at(-1);
    if (!current) throw new InvalidArgumentError(ARGUMENT_REASONS.askFirst);
    if (current[field] !== undefined) throw new InvalidArgumentError(ARGUMENT_REASONS.askHasOne);
    current[field] = value;
    return value;
  };
}

function globals(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ db?: string; color?: boolean }>();
  return { db: options.db, color: options.color !== false };
}

// ── one place where errors become exit codes ───────────────────────────────
/**
 * Subcommands made with `new Command()` (config list, team add, …) take the program's refusals and exit codes, as
 * those made with `.command()` do when they are made; the program's own commands already have them.
 */
function inheritSettings(command: Command): void {
  for (const sub of command.commands) {
    sub.copyInheritedSettings(command);
    inheritSettings(sub);
  }
}
for (const command of program.commands) inheritSettings(command);

async function main(): Promise<void> {
  // `oneonone people | head` closes the pipe early; that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
  try {
    // Every word in the run's language, commander's refusals of the command line too: in Spanish its catalogues load first.
    await (await import('./messages/speak.js')).speakChosenLanguage();
    await (await import('./support/help-language.js')).helpInChosenLanguage(program);
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = await exitCodeFor(error);
  }
}

async function exitCodeFor(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const { nativeAddonProblem } = await import('./support/native-addon.js');
  const { reportError } = await import('./ui/errors.js');
  return reportError(nativeAddonProblem(error) ?? error);
}

void main();
