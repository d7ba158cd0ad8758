import type { Formula, MomentRule } from '../../people/rules.js';

/** A number as double precision, so PostgreSQL adds and divides as JS and SQLite do (10.0 alone would be numeric). */
const real = (value: number): string => `(${value})::float8`;

/** A domain formula as one PostgreSQL expression; `columns` says what each fact is in the query. */
export function formulaSql<F extends string>(formula: Formula<F>, columns: Record<F, string>): string {
  const each = (parts: Formula<F>[]) => parts.map((part) => formulaSql(part, columns));
  if (typeof formula === 'number') return real(formula);
  if ('fact' in formula) return formula.unset === undefined ? columns[formula.fact] : `coalesce(${columns[formula.fact]}, ${real(formula.unset)})`;
  if ('sum' in formula) return `(${each(formula.sum).join(' + ')})`;
  if ('product' in formula) return `(${each(formula.product).join(' * ')})`;
  if ('least' in formula) return `least(${each(formula.least).join(', ')})`;
  if ('greatest' in formula) return `greatest(${each(formula.greatest).join(', ')})`;
  if ('ratio' in formula) return `(${formulaSql(formula.ratio[0], columns)} / ${real(formula.ratio[1])})`;
  // Half up, as Math.round: round() on double precision rounds half to even.
  const unit = real(10 ** formula.decimals);
  return `(floor(${formulaSql(formula.rounded, columns)} * ${unit} + 0.5) / ${unit})`;
}

/**
 * A domain moment rule as one timestamptz expression (NULL-safe: greatest ignores a missing floor). Days are whole
 * 24-hour days, not calendar days, which across a clock change would be 23 or 25 hours.
 */
export function momentSql<F extends string>(rule: MomentRule<F>, columns: Record<F, string>): string {
  const days = typeof rule.days === 'number' ? String(rule.days) : columns[rule.days];
  const from = `(${firstSet(rule.from.map((field) => columns[field]))} + (${days}) * interval '86400 seconds')`;
  const moment = firstSet([...rule.first.map((field) => columns[field]), from]);
  return rule.notBefore === undefined ? moment : `greatest(${moment}, ${columns[rule.notBefore]})`;
}

/**
 * `moment <= until` for a rule that counts days from a start, solved for the start: a comparison per row instead
 * of date arithmetic. `latestStart` is SQL for the latest start still due by `until` (until less the row's days).
 */
export function dueBySql<F extends string>(rule: MomentRule<F>, columns: Record<F, string>, until: string, latestStart: string): string {
  if (rule.first.length > 0) throw new Error('dueBySql solves only rules that count from a start');
  const floor = rule.notBefore === undefined ? [] : [`coalesce(${columns[rule.notBefore]}, '-infinity') <= ${until}`];
  return [`${firstSet(rule.from.map((field) => columns[field]))} <= ${latestStart}`, ...floor].join(' AND ');
}

function firstSet(values: string[]): string {
  return values.length === 1 ? values[0]! : `coalesce(${values.join(', ')})`;
}
