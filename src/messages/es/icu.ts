import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

/**
 * A Spanish message in ICU MessageFormat, its plurals and numbers said as Spanish says them ("1 pregunta abierta",
 * "2 preguntas abiertas", "31 %"): parsed on its first use, not when the catalogue loads.
 */
export function icu(pattern: string): (values?: Record<string, PrimitiveType>) => string {
  let compiled: IntlMessageFormat | undefined;
  return (values) => {
    compiled ??= new IntlMessageFormat(pattern, 'es');
    return String(compiled.format(values));
  };
}
