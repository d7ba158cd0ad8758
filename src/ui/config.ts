import { formatCadence, type CadenceDays } from '../people/cadence.js';
import { configWords, goalLine } from '../messages/config.js';
import type { Chosen, ConfigKey, SettingSource } from '../support/config.js';
import { renderTable } from './table.js';

/** One setting as `config list` shows it: the value in force and where it came from. */
export interface SettingRow {
  key: ConfigKey;
  value: string | number | CadenceDays | null;
  source: SettingSource;
  /** The variable, the file or the database the value came from. */
  from: string | null;
  line: number | null;
}

export function renderSettings(rows: SettingRow[], color: boolean): string {
  return renderTable([...configWords().headers], rows.map((row) => [row.key, valueText(row.value), whereText(row)]), color);
}

export function settingsJson(rows: SettingRow[]): SettingRow[] {
  return rows;
}

export function valueText(value: SettingRow['value']): string {
  if (value === null) return configWords().none;
  if (typeof value === 'object') return formatCadence(value);
  return String(value);
}

function whereText(row: SettingRow): string {
  const { sources, atLine } = configWords();
  const words = sources[row.source];
  if (row.source === 'config file') return row.line === null ? words : atLine(words, row.line);
  if (row.source === 'environment' && row.from) return `${words} (${row.from})`;
  return words;
}

export function renderGoal(held: number, goal: number): string {
  return goalLine(held, goal);
}

export function goalJson(goal: Chosen<number>, held: number): { goal: number; thisWeek: number; source: SettingSource } {
  return { goal: goal.value!, thisWeek: held, source: goal.source };
}
