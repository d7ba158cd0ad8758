const quoted = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');

export function sensitiveWords(text: string, terms: readonly string[]): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `not sending "${shown}" to the team's server: it names ${quoted(terms)}, and immigration status is safest not written down at all`;
}

export const SENSITIVE_HINT = 'rewrite it without those words (the record needs the issue, not the status), or, if the person agreed, add --sensitive send';
