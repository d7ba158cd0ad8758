/** Lo que dice una tabla por sí misma (la de cualquier lista): la línea debajo de una tabla recortada. */
import type { TableWords } from '../table.js';
import { icu } from './icu.js';

const MAS = icu('… y {count, number} más: {seeAll}');

export const TABLE_ES: TableWords = {
  more: (count, seeAll) => MAS({ count, seeAll }),
};
