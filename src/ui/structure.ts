import { structureWords, type StructureLine } from '../messages/structure.js';
import { printData, printMessage } from './output.js';
import { renderTable } from './table.js';

/** The chart: a row per unit, then how its figures are counted (messages, on stderr). */
export function renderStructure(lines: StructureLine[], color: boolean): void {
  printData(renderTable(structureWords.head, lines.map(structureWords.row), color));
  printMessage(structureWords.countedAgainst);
  if (lines.length > 1) printMessage(structureWords.moreDetail);
}

/** One unit in full: the chart's row, then each leader with the members they lead, and what is missing. */
export function renderUnitStructure(line: StructureLine, leaders: { name: string; leads: string[] }[], color: boolean): void {
  const parts = [
    structureWords.unitTitle(line.name, line.kind, line.size),
    renderTable(structureWords.head, [structureWords.row(line)], color),
    structureWords.majorityLine(line.figures, line.supporters),
    '',
    leaders.length === 0 ? structureWords.noLeaders(line.name) : structureWords.leadersTitle,
    ...leaders.map((leader) => `  ${structureWords.leaderLine(leader.name, leader.leads)}`),
    structureWords.leaderGap(line.figures),
  ];
  printData(parts.join('\n'));
  printMessage(structureWords.countedAgainst);
}
