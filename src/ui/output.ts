import { colorWanted, paint } from './color.js';

/** Data goes to stdout; everything said to the organizer goes to stderr. */
export function printData(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printMessage(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function printWarning(text: string, color = true): void {
  const c = paint(colorWanted(color, process.stderr));
  process.stderr.write(`${c.yellow('warning:')} ${text}\n`);
}
