/**
 * Rules of the method written once, as data: plain code evaluates them here (the domain's answer), and each store
 * engine compiles the same description into its own SQL to pick and sort in the database. Change a rule here and
 * both follow.
 */

/** A number worked out from facts, term by term in a fixed order, so every engine adds and rounds alike. */
export type Formula<F extends string> =
  | number
  /** A fact of the record; `unset` stands in when it is null. */
  | { fact: F; unset?: number }
  | { sum: Formula<F>[] }
  | { product: Formula<F>[] }
  | { least: Formula<F>[] }
  | { greatest: Formula<F>[] }
  | { ratio: [Formula<F>, number] }
  /** Rounded half up to this many decimals (ties are then real ties, the same in every engine). */
  | { rounded: Formula<F>; decimals: number };

export function evaluate<F extends string>(formula: Formula<F>, facts: Record<F, number | null>): number {
  if (typeof formula === 'number') return formula;
  const each = (parts: Formula<F>[]) => parts.map((part) => evaluate(part, facts));
  if ('fact' in formula) return facts[formula.fact] ?? formula.unset ?? Number.NaN;
  if ('sum' in formula) return each(formula.sum).reduce((total, value) => total + value);
  if ('product' in formula) return each(formula.product).reduce((total, value) => total * value);
  if ('least' in formula) return Math.min(...each(formula.least));
  if ('greatest' in formula) return Math.max(...each(formula.greatest));
  if ('ratio' in formula) return evaluate(formula.ratio[0], facts) / formula.ratio[1];
  const unit = 10 ** formula.decimals;
  return Math.round(evaluate(formula.rounded, facts) * unit) / unit;
}

/**
 * A moment: the first of `first` that is set; else the first of `from` that is set, `days` whole 24-hour days later
 * (a number, or a fact that holds it); and never before `notBefore` when that is set.
 */
export interface MomentRule<F extends string> {
  first: readonly F[];
  from: readonly F[];
  days: number | F;
  notBefore?: F;
}

const DAY_MS = 86_400_000;

export function momentOf<F extends string>(rule: MomentRule<F>, record: Record<F, string | number | null>): Date {
  const set = firstSet(rule.first, record);
  const days = typeof rule.days === 'number' ? rule.days : Number(record[rule.days]);
  const moment = set !== null ? new Date(set).getTime() : new Date(firstSet(rule.from, record)!).getTime() + days * DAY_MS;
  const floor = rule.notBefore === undefined ? null : record[rule.notBefore];
  return new Date(floor === null ? moment : Math.max(moment, new Date(floor).getTime()));
}

/** A loop, not map and find: the morning list asks this of tens of thousands of records. */
function firstSet<F extends string>(fields: readonly F[], record: Record<F, string | number | null>): string | number | null {
  for (const field of fields) if (record[field] !== null) return record[field];
  return null;
}
