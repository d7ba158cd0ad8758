import { IntlMessageFormat, type Formatters, type PrimitiveType } from 'intl-messageformat';

/**
 * A Spanish message in ICU MessageFormat, its plurals and numbers said as Spanish says them ("1 pregunta abierta",
 * "2 preguntas abiertas", "31 %"): parsed on its first use, not when the catalogue loads.
 *
 * Node's first use of Intl loads its ICU data, 15 to 30 ms, more than a whole command takes: so the plural rule and
 * the numbers Spanish needs are given to intl-messageformat here (CLDR's rules for es), and Intl is never asked.
 * test/unit/messages/icu-es.test.ts holds them to Intl's own answers.
 */
export function icu(pattern: string): (values?: Record<string, PrimitiveType>) => string {
  let compiled: IntlMessageFormat | undefined;
  return (values) => {
    compiled ??= new IntlMessageFormat(pattern, 'es', undefined, { formatters: SPANISH });
    return String(compiled.format(values));
  };
}

// The locale is known: resolving it would ask Intl (supportedLocalesOf), which is what this module avoids.
IntlMessageFormat.resolveLocale = () => undefined;

/** CLDR's plural categories for Spanish: one for 1; many for whole millions (1 000 000, 2 000 000…); other. */
export function spanishPlural(n: number): Intl.LDMLPluralRule {
  const size = Math.abs(n);
  if (size === 1) return 'one';
  return Number.isInteger(size) && size !== 0 && size % 1_000_000 === 0 ? 'many' : 'other';
}

/** A count or a share (never below zero) as Spanish (es) writes it: a decimal comma, a point between thousands from 10 000 on, "31 %". */
export function spanishNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  const percent = options.style === 'percent';
  const most = options.maximumFractionDigits ?? (percent ? 0 : 3);
  const least = options.minimumFractionDigits ?? 0;
  const [whole, fraction = ''] = roundHalfExpand(percent ? n * 100 : n, most).split('.');
  const digits = fraction.replace(/0+$/, '').padEnd(least, '0');
  const grouped = whole!.length > 4 ? whole!.replace(/\B(?=(\d{3})+$)/g, '.') : whole!;
  const written = `${grouped}${digits ? `,${digits}` : ''}`;
  return percent ? `${written}\u00a0%` : written;
}

/** Rounded as ICU rounds the number's decimal digits, not its binary value (4.225 × 100 is 422.49999… in binary). */
function roundHalfExpand(value: number, digits: number): string {
  const decimal = (x: number) => Number(x.toPrecision(15));
  return (Math.round(decimal(decimal(value) * 10 ** digits)) / 10 ** digits).toFixed(digits);
}

/** Only what the formatter calls is given: format() of a number format and select() of the plural rules. */
const SPANISH = {
  getNumberFormat: (_locales?: string | string[], options?: Intl.NumberFormatOptions) => ({ format: (n: number) => spanishNumber(n, options) }),
  getPluralRules: () => ({ select: spanishPlural }),
  getDateTimeFormat: () => {
    throw new Error('Spanish messages say dates through date-fns (messages/es/format.ts), not ICU');
  },
} as unknown as Formatters;
