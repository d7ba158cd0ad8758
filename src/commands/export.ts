import { stringify, type Options as CsvOptions } from 'csv-stringify/sync';
import { chmodSync, closeSync, createWriteStream, openSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { safeRow } from '../support/csv-safety.js';
import { outPathProblem } from '../support/private-file.js';
import { DomainError, UserError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { currentLanguage } from '../support/config.js';
import type { Language } from '../support/language.js';
import type { ExportTable, Store } from '../store/contract.js';
import { followUpWords } from '../messages/commitments.js';
import { exportWords } from '../messages/export.js';
import { nameKey, sameName } from '../people/names.js';
import { printMessage } from '../ui/output.js';
import { progressOn, startProgress, type Progress } from '../ui/progress.js';
import { progressWords } from '../messages/progress.js';
import { storeFor, type GlobalOptions } from './context.js';

export interface ExportOptions {
  out?: string;
  bom?: boolean;
}

/**
 * What one write() hands the output. stdout into a pipe is written synchronously on Linux, one system call per
 * write: a write per row was about a million of them for a large export; 64 kB makes it a few thousand.
 */
const CHUNK_BYTES = 64 * 1024;
/** RFC 4180 with CRLF between records, a field holding a line break quoted; the same for every part of one sheet. */
const CSV: CsvOptions = { record_delimiter: 'windows', quote_record_delimiter: true };

/**
 * Streams one table to CSV: a batch of rows read, neutralised and turned into text at a time, written in chunks of
 * 64 kB, waiting whenever the reader is slower (so at most a batch and a chunk or two are ever held).
 */
export async function run(table: ExportTable, options: ExportOptions, globals: GlobalOptions): Promise<void> {
  const dbPath = databasePath(globals.db);
  const outPath = options.out === undefined ? undefined : checkOutPath(options.out, dbPath);
  const store = await storeFor(globals, 'read');
  let output: Writable | undefined;
  let written = 0;
  let progress: Progress | undefined;
  try {
    // Not over CSV scrolling on the same screen.
    const showProgress = progressOn() && (outPath !== undefined || !process.stdout.isTTY);
    progress = showProgress ? startProgress(progressWords.exporting(tableWord(table)), await store.exports.count(table)) : undefined;
    output = outPath === undefined ? process.stdout : openPrivateFile(outPath);
    const { columns, batches } = await sheetRows(store, table);
    async function* chunks(): AsyncIterable<Buffer> {
      const chunker = new Chunker(CHUNK_BYTES);
      yield* chunker.add(stringify([await headersIn(currentLanguage(), columns)], { ...CSV, bom: options.bom === true }));
      for await (const batch of batches) {
        for (const row of batch) safeRow(row);
        yield* chunker.add(stringify(batch, CSV));
        written += batch.length;
        progress?.update(written);
      }
      const rest = chunker.rest();
      if (rest) yield rest;
    }
    // pipeline writes each chunk, waits for 'drain' when the output says so, and stops at its first error (EPIPE too).
    await pipeline(chunks(), output);
    progress?.stop();
    progress = undefined;
    if (outPath !== undefined) printMessage(exportWords().wrote(written, table, outPath));
  } catch (error) {
    progress?.stop();
    if (isBrokenPipe(error)) return; // `oneonone export meetings | head`: the reader has had enough
    if (outPath !== undefined) rmSync(outPath, { force: true });
    throw error instanceof UserError ? error : new DomainError('export.stopped', { rows: written, reason: (error as Error).message, removed: outPath === undefined ? null : basename(outPath) });
  } finally {
    await store.close();
  }
}

/** The header row in the organizer's language: Spanish headers come from their own catalogue, loaded only then. */
async function headersIn(language: Language, columns: string[]): Promise<string[]> {
  if (language === 'en') return columns;
  const { EXPORT_HEADERS_ES } = await import('../messages/es/export.js');
  return columns.map((column) => EXPORT_HEADERS_ES[column] ?? column);
}

/** Columns whose names start with _ word a code (a default follow-up's text) and are not written. */
async function sheetRows(store: Store, table: ExportTable): Promise<{ columns: string[]; batches: AsyncIterable<unknown[][]> }> {
  const { columns, batches } = await store.exports.rows(table);
  if (table === 'people') return { columns, batches: referrersTold(store, columns, batches) };
  if (table !== 'followups') return { columns, batches };
  const shown = columns.filter((column) => !column.startsWith('_'));
  const at = (name: string) => columns.indexOf(name);
  const [text, person, ask, outcome] = [at('followup'), at('person'), at('_ask'), at('_ask_outcome')];
  async function* worded(): AsyncIterable<unknown[][]> {
    for await (const batch of batches) {
      yield batch.map((row) => {
        const words = followUpWords({ text: row[text] as string | null, ask: row[ask] === null ? null : { text: row[ask] as string, outcome: row[outcome] as string | null } }, row[person] as string);
        return row.slice(0, shown.length).map((cell, i) => (i === text ? words : cell));
      });
    }
  }
  return { columns: shown, batches: worded() };
}

/**
 * `referred_by` is the referrer's name; where several people have that name it is written "Ana Ruiz (#3)", the id
 * being the referrer's row in the same sheet, so `import` can read back who it was (and a person can tell too).
 */
async function* referrersTold(store: Store, columns: string[], batches: AsyncIterable<unknown[][]>): AsyncIterable<unknown[][]> {
  const [id, referrer] = [columns.indexOf('id'), columns.indexOf('referred_by')];
  const shared = new Map<string, boolean>();
  const isShared = async (name: string): Promise<boolean> => {
    let known = shared.get(name);
    if (known === undefined) {
      known = (await store.people.withNameKey(nameKey(name))).filter((person) => sameName(person.name, name)).length > 1;
      shared.set(name, known);
    }
    return known;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      const name = row[referrer];
      if (typeof name !== 'string' || !(await isShared(name))) continue;
      const who = await store.people.referredBy(row[id] as number);
      if (who) row[referrer] = `${name} (#${who.id})`;
    }
    yield batch;
  }
}

/**
 * Text as UTF-8 in chunks of exactly `size` bytes (the last one shorter). A character may straddle two chunks: the
 * reader gets the same bytes in the same order, as one write of the whole would have given them.
 */
class Chunker {
  private chunk: Buffer;
  private used = 0;

  constructor(private readonly size: number) {
    this.chunk = Buffer.allocUnsafe(size);
  }

  /** The chunks this text fills; what is left over waits for the next text. */
  *add(text: string): Iterable<Buffer> {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) {
      const copied = bytes.copy(this.chunk, this.used, at, Math.min(bytes.length, at + this.size - this.used));
      at += copied;
      this.used += copied;
      if (this.used === this.size) {
        yield this.chunk; // handed to the output, which may hold it until written: a fresh one for what follows
        this.chunk = Buffer.allocUnsafe(this.size);
        this.used = 0;
      }
    }
  }

  rest(): Buffer | undefined {
    return this.used > 0 ? this.chunk.subarray(0, this.used) : undefined;
  }
}

function checkOutPath(out: string, dbPath: string): string {
  const path = resolve(out);
  const problem = outPathProblem(path, dbPath);
  if (problem === 'no-folder') {
    throw new DomainError('file.cannot-write', { path: out, why: 'no-folder', folder: dirname(path), option: '--out' });
  }
  if (problem === 'is-folder') throw new DomainError('file.cannot-write', { path: out, why: 'is-folder', folder: dirname(path), option: '--out' });
  if (problem === 'is-database') throw new DomainError('export.out-is-database', { out });
  return path;
}

/** The file holds what people told you in confidence: only its owner can read it, even when it existed before. */
function openPrivateFile(path: string): Writable {
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o600);
    chmodSync(path, 0o600);
  } catch (error) {
    if (fd! !== undefined) closeSync(fd);
    throw new DomainError('export.cannot-open', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  return createWriteStream(path, { fd });
}

function tableWord(table: ExportTable): string {
  return exportWords().tables[table][1];
}

function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'EPIPE';
}
