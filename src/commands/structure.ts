import { stringify } from 'csv-stringify/sync';
import { structureWords, type StructureLine } from '../messages/structure.js';
import { RECENT_DAYS, structureFigures } from '../people/structure.js';
import type { UnitStructure } from '../store/contract.js';
import { safeRow } from '../support/csv-safety.js';
import { DomainError } from '../support/errors.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { renderStructure, renderUnitStructure } from '../ui/structure.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findUnit } from './units.js';

export interface StructureOptions {
  unit?: string;
  csv?: boolean;
  json?: boolean;
}

const DAY_MS = 86_400_000;

/** `structure [--unit NAME]`: the union chart, per unit, of how far the organizing has reached toward a majority. */
export async function run(options: StructureOptions, globals: GlobalOptions): Promise<void> {
  if (options.csv && options.json) throw new DomainError('structure.csv-and-json', {});
  const since = new Date(Date.now() - RECENT_DAYS * DAY_MS).toISOString();
  const units = await withStore(globals, 'read', async (store) => {
    const unit = options.unit === undefined ? undefined : await findUnit(store.web, options.unit);
    return store.structure.structure(unit?.id, since);
  });
  const lines = units.map(lineOf);
  if (options.json) printJson(units.map((unit, i) => ({ ...unit, ...lines[i]!.figures, recentDays: RECENT_DAYS })));
  else if (options.csv) printData(stringify([structureWords.csvHead, ...lines.map((line) => safeRow(structureWords.csvRow(line)))], { record_delimiter: 'windows' }));
  else if (lines.length === 0) printMessage(structureWords.noUnits);
  else if (options.unit !== undefined) renderUnitStructure(lines[0]!, leadersOf(units[0]!), useColor(globals));
  else renderStructure(lines, useColor(globals));
}

function lineOf(unit: UnitStructure): StructureLine {
  return {
    name: unit.unit.name, kind: unit.unit.kind, size: unit.unit.size, known: unit.known, assessed: unit.assessed,
    supporters: unit.supporters, leaders: unit.leaders.length, recentOneOnOnes: unit.recentOneOnOnes,
    figures: structureFigures({ ...unit, size: unit.unit.size }),
  };
}

function leadersOf(unit: UnitStructure): { name: string; leads: string[] }[] {
  return unit.leaders.map((leader) => ({ name: leader.name, leads: leader.leads.map((member) => member.name) }));
}
