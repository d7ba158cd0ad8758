/** The languages oneonone speaks, by the code a team stores and types (`--lang es`). */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** `--lang es`, `--lang=es`, read from the command line itself: the language is known before a command's options are. */
export function langFlag(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') return undefined;
    if (word === '--lang') return args[i + 1] ?? '';
    if (word.startsWith('--lang=')) return word.slice('--lang='.length);
  }
  return undefined;
}
