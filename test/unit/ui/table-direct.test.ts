import { createRequire } from 'node:module';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { paint } from '../../../src/ui/color.js';
import { cellWidth, renderTable, tableStats } from '../../../src/ui/table.js';

/**
 * The direct renderer in src/ui/table.ts must draw exactly the bytes cli-table3 draws. Every table here is drawn twice,
 * by renderTable as the commands call it and with cli-table3 forced, and the two must be the same string.
 */

const besideCliTable3 = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const { strlen } = besideCliTable3('./src/utils.js') as { strlen: (text: string) => number };
/** cli-table3 paints the heading through @colors/colors, which decides for itself whether colour is on: try both. */
const colors = besideCliTable3('@colors/colors/safe') as { enabled: boolean };
const colorsWereEnabled = colors.enabled;
afterAll(() => {
  colors.enabled = colorsWereEnabled;
});

const c = paint(true);
const ESC = '\u001b';

/** Cells of every kind the tables meet, and the awkward ones. */
const CELLS: string[] = [
  '', '0', '7', '-1.5', '1e+21', '#12', 'Ana Ruiz', "Siobhan O'Brien", 'Mary-Jane', 'Tue 24 Nov 2026', '3 / 2 / 1',
  'José Núñez', 'Jose\u0301 Nun\u0303ez', 'Zoë Ångström', 'Łódź', 'Ελένη', 'Дмитрий', 'שלום', 'مرحبا', 'ﬁ',
  '山田太郎', '李伟', 'キム・ミンジュ', '김민준', 'ＡＢＣ', '｡ｶﾀｶﾅ',
  '👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '1️⃣', '#️⃣', '©', '©️', '™', '❤', '❤️', '⚽', '☎', '✅',
  '│', '─', '┼', '┌┬┐', '└┴┘', '├┤', '═', '▌',
  'a\tb', 'a\u00a0b', 'a\u3000b', 'a\u200bb', 'a\u00adb', 'a\u2028b', '\r', 'x\u0000y', '\u007f', '\u009b',
  ' ', '   ', '  lead', 'trail  ', ' both ', 'two  spaces', '\u00a0nbsp', '\u3000wide',
  c.red('LATE 3 days'), c.bold('today 14:00'), c.red(c.bold('both')), c.bgRed('bg'), c.underline('under'),
  c.italic('it'), c.inverse('inv'), c.strikethrough('gone'), c.dim('dim'), `${ESC}[1munclosed bold`, `${ESC}[31munclosed red`,
  `${ESC}[41munclosed bg`, `${ESC}[1m${ESC}[3mtwo open`, `${ESC}[22mclose first`, `${ESC}[0mreset`, `${ESC}[mreset`,
  `${ESC}[1mon${ESC}[0m`, `${ESC}[38;5;196m256${ESC}[39m`, `${ESC}[38;2;1;2;3mtrue`, `${ESC}[;1mcode`, `${ESC}[01mzero`,
  `${ESC}[1m`, `${ESC}[1m ${ESC}[22m`, `${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\`, `half ${ESC}[`,
  'word '.repeat(60).trim(), 'x'.repeat(300), 'long-hyphenated-word-that-goes-on-and-on-and-on', '山田'.repeat(40),
  'a\nb', 'first line\nsecond line', '\n', 'end\n',
];

/** A small, seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Drawn { direct: number; cliTable3: number }

/** Draws the table both ways, fails on any difference, and says which renderer the commands' way took. */
function compare(head: string[], rows: (string | number)[][], color: boolean, columns: number | undefined, label = ''): Drawn {
  const before = tableStats();
  const ours = renderTable(head, rows, color, columns);
  const after = tableStats();
  const theirs = renderTable(head, rows, color, columns, 'cli-table3');
  if (ours !== theirs) {
    const a = ours.split('\n');
    const b = theirs.split('\n');
    const line = a.findIndex((text, index) => text !== b[index]);
    expect({ label, line, ours: a[line], cliTable3: b[line] }).toEqual({ label, line, ours: b[line], cliTable3: b[line] });
  }
  expect(ours).toBe(theirs);
  return { direct: after.direct - before.direct, cliTable3: after.cliTable3 - before.cliTable3 };
}

/** Colour off; colour on with @colors/colors painting; colour on with @colors/colors deciding not to. */
const PAINTS = [
  { name: 'colour off', color: false, enabled: colorsWereEnabled },
  { name: 'colour on', color: true, enabled: true },
  { name: 'colour on, @colors/colors off', color: true, enabled: false },
];

function eachPaint(draw: (color: boolean) => void): void {
  for (const { color, enabled } of PAINTS) {
    colors.enabled = enabled;
    draw(color);
  }
  colors.enabled = colorsWereEnabled;
}

const person = (i: number): (string | number)[] =>
  [i + 1, `#${i * 7 + 3}`, ['Ana Ruiz', 'José Núñez', '山田太郎', 'Kwame 👍', ''][i % 5]!, ['contact', 'leader', 'volunteer'][i % 3]!, (i * 1.37).toFixed(1)];
const PEOPLE_HEAD = ['rank', 'id', 'name', 'rung', 'score'];

describe('the direct table renderer', () => {
  test('a plain single-line table of 1,000 rows is drawn without loading cli-table3', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/ui/table.js');
    expect(fresh.tableStats()).toEqual({ direct: 0, cliTable3: 0, cliTable3Loaded: false });
    const rows = Array.from({ length: 1_000 }, (_, i) => person(i));
    fresh.renderTable(PEOPLE_HEAD, rows, false, undefined);
    fresh.renderTable(PEOPLE_HEAD, rows, true, 200);
    fresh.renderTable(['one'], [[c.red('LATE')], ['山田']], true, undefined);
    expect(fresh.tableStats()).toEqual({ direct: 3, cliTable3: 0, cliTable3Loaded: false });
    fresh.renderTable(['one'], [['two\nlines']], false, undefined);
    expect(fresh.tableStats()).toEqual({ direct: 3, cliTable3: 1, cliTable3Loaded: true });
  });

  test('cellWidth counts every cell as cli-table3 strlen does', () => {
    for (const text of CELLS) expect(cellWidth(text), JSON.stringify(text)).toBe(strlen(text));
    // Every character the one-column-a-character shortcut takes, and the ones either side of it.
    for (let code = 0; code < 0x1200; code++) {
      const text = String.fromCharCode(code);
      expect(cellWidth(text), code.toString(16)).toBe(strlen(text));
      expect(cellWidth(`a${text}b${text}`), code.toString(16)).toBe(strlen(`a${text}b${text}`));
    }
    const next = random(7);
    const pick = (): string => {
      const roll = next();
      if (roll < 0.5) return String.fromCharCode(0x20 + Math.floor(next() * 0x10e0));
      if (roll < 0.8) return CELLS[Math.floor(next() * CELLS.length)]!;
      return String.fromCodePoint(Math.floor(next() * 0x20000));
    };
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 6) }, pick).join('');
      expect(cellWidth(text), JSON.stringify(text)).toBe(strlen(text));
    }
  });

  test('every hand-picked cell, alone and among others, in one column and several', () => {
    eachPaint((color) => {
      for (const cell of CELLS) {
        for (const columns of [undefined, 40]) {
          compare(['value'], [[cell]], color, columns, JSON.stringify(cell));
          compare(['name', 'value', 'n'], [['Ana', cell, 1], [cell, '', 22], ['山田', 'x', cell]], color, columns, JSON.stringify(cell));
        }
        compare([cell, 'head'], [['a', 'b'], [cell, cell]], color, undefined, JSON.stringify(cell));
        // In a column wider than itself, so that any miscount shows in its padding.
        compare(['a heading wider than most of the cells, so that they are padded', 'n'], [[cell, 1], ['', 2]], color, undefined, JSON.stringify(cell));
      }
      compare(['everything', 'at', 'once'], CELLS.map((cell, i) => [cell, i, CELLS[(i * 7) % CELLS.length]!]), color, undefined);
    });
  }, 120_000);

  test('single-line cells take the direct path; a cell on two lines or one to wrap goes to cli-table3', () => {
    eachPaint((color) => {
      expect(compare(['name', 'id'], [['José Núñez', 1], ['山田太郎 👍', 2], [c.red('LATE'), '']], color, undefined)).toEqual({ direct: 1, cliTable3: 0 });
      expect(compare(['a heading wider than its cells', 'b'], [['1', '2'], ['', '']], color, undefined)).toEqual({ direct: 1, cliTable3: 0 });
      expect(compare(['just a heading'], [], color, undefined)).toEqual({ direct: 1, cliTable3: 0 });
      expect(compare(['one'], [['a single column'], ['│─┼']], color, 40)).toEqual({ direct: 1, cliTable3: 0 });
      expect(compare(['name', 'note'], [['Ana', 'two\nlines']], color, undefined)).toEqual({ direct: 0, cliTable3: 1 });
      // Too wide for 40 columns: the long note is narrowed and wrapped between words, by cli-table3.
      expect(compare(['name', 'note'], [['Ana', 'a note long enough to need wrapping at forty columns wide']], color, 40).cliTable3).toBeGreaterThan(0);
    });
  });

  test('1, 199, 200, 201 and 1,000 rows, and the joins of the 200-row blocks', () => {
    for (const count of [1, 199, 200, 201, 399, 400, 401, 1_000]) {
      const rows = Array.from({ length: count }, (_, i) => person(i));
      eachPaint((color) => {
        expect(compare(PEOPLE_HEAD, rows, color, undefined, `${count} rows`)).toEqual({ direct: 1, cliTable3: 0 });
      });
    }
  }, 120_000);

  test('a long table whose cells fit except in one block: that block by cli-table3, the others directly', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => person(i));
    const twoLines = rows.map((row, i) => (i === 450 ? [row[0]!, row[1]!, 'two\nlines', row[3]!, row[4]!] : row));
    // Wider than 60: narrowed; only the row with a long name wraps.
    const oneLong = rows.map((row, i) => (i === 610 ? [row[0]!, row[1]!, 'a name much too long to fit', row[3]!, row[4]!] : row));
    // A tab is counted as nothing by strlen but as one by cli-table3's word-wrap (a long table's widths are fixed),
    // which then breaks the widest cell of its column.
    const tab = Array.from({ length: 1_000 }, (_, i) => [i, i === 5 ? 'a\tb\tc\td' : 'abcd']);
    eachPaint((color) => {
      expect(compare(PEOPLE_HEAD, twoLines, color, undefined)).toEqual({ direct: 4, cliTable3: 1 });
      expect(compare(PEOPLE_HEAD, oneLong, color, 60)).toEqual({ direct: 4, cliTable3: 1 });
      expect(compare(['n', 'v'], tab, color, undefined)).toEqual({ direct: 4, cliTable3: 1 });
    });
  }, 120_000);

  test('too many columns for 40: each row turned into its own small table, by cli-table3', () => {
    const head = ['rank', 'id', 'name', 'rung', 'potential', 'meetings', 'last met', 'asks made / yes / kept', 'brought in', 'score'];
    const rows = Array.from({ length: 30 }, (_, i) => [...person(i), i % 5, i % 40, 'Tue 24 Nov 2026', '3 / 2 / 1', i % 4]);
    eachPaint((color) => {
      const drawn = compare(head, rows, color, 40);
      expect(drawn.direct).toBe(0);
      expect(drawn.cliTable3).toBe(30);
    });
  });

  test('random tables of random cells, colour on and off, at random terminal widths', () => {
    const seed = Number(process.env.TABLE_SEED ?? 20261203);
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const words = CELLS.filter((cell) => cell.length < 40);
    const cell = (): string | number => {
      const roll = next();
      if (roll < 0.15) return Math.floor(next() * 100_000) / (next() < 0.5 ? 1 : 100);
      if (roll < 0.25) return '';
      if (roll < 0.3) return pick(CELLS);
      return Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words)).join(pick([' ', ' ', ' ', '-', '']));
    };
    const totals = { direct: 0, cliTable3: 0 };
    for (let table = 0; table < 150; table++) {
      const count = pick([0, 1, 1, 2, 2, 3, 4, 5, 8, 13, 20, 30, 60, 199, 200, 201]);
      const width = 1 + Math.floor(next() * (count > 100 ? 4 : 7));
      const head = Array.from({ length: width }, () => String(cell()));
      const rows = Array.from({ length: count }, () => Array.from({ length: width }, cell));
      // Most tables as the common case: nothing on two lines, nothing to wrap.
      const plain = next() < 0.6;
      const tidy = (value: string | number) => (plain && typeof value === 'string' ? value.replace(/\s/g, ' ').trim() : value);
      const columns = pick([undefined, undefined, 200, 120, 80, 60, 40]);
      const paint = pick(PAINTS);
      colors.enabled = paint.enabled;
      const drawn = compare(head.map((title) => String(tidy(title))), rows.map((row) => row.map(tidy)), paint.color, columns,
        `seed ${seed}, table ${table}`);
      totals.direct += drawn.direct;
      totals.cliTable3 += drawn.cliTable3;
    }
    colors.enabled = colorsWereEnabled;
    // Both renderers were exercised.
    expect(totals.direct).toBeGreaterThan(50);
    expect(totals.cliTable3).toBeGreaterThan(20);
  }, 120_000);
});
