import { unitRow, webWords } from '../messages/web.js';
import type { Unit } from '../store/contract.js';
import { printData, printMessage } from './output.js';
import { renderTable } from './table.js';

/** `units`: each unit with its kind, size where known, and how many people in the record belong to it. */
export function renderUnits(units: Unit[], color: boolean): void {
  if (units.length === 0) {
    printMessage(webWords.noUnits);
    return;
  }
  printData(renderTable(webWords.unitHead, units.map(unitRow), color));
}
