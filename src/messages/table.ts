/** The words of a table's own chrome (any listing's): the line under a capped table. Another language is another object of this shape. */
import { wholeCount } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export interface TableWords {
  /** "… and 1,234 more: narrow with --days, or see all with --json" */
  more(count: number, seeAll: string): string;
}

const TABLE_EN: TableWords = {
  more: (count, seeAll) => `… and ${wholeCount(count)} more: ${seeAll}`,
};

export const tableWords = (): TableWords => spokenCatalogues()?.table ?? TABLE_EN;
