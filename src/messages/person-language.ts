/** How a person's language and interpreter need are said: on the prep card and in `show`. Another language is another module of this shape. */
import type { Language } from '../support/language.js';
import { spokenCatalogues } from './spoken.js';

/** The words of a person's language line: "Prefers Spanish · needs an interpreter". */
export interface PersonLanguageWords {
  /** "Prefers Spanish", by the code they prefer. */
  prefers: Readonly<Record<Language, string>>;
  /** After the language: "needs an interpreter". */
  interpreter: string;
  /** With no language known: "Needs an interpreter". */
  interpreterAlone: string;
}

const PERSON_LANGUAGE_EN: PersonLanguageWords = {
  prefers: { en: 'Prefers English', es: 'Prefers Spanish' },
  interpreter: 'needs an interpreter',
  interpreterAlone: 'Needs an interpreter',
};

const words = (): PersonLanguageWords => spokenCatalogues()?.personLanguage ?? PERSON_LANGUAGE_EN;

/** The line that says what language to meet someone in, or null when nothing is known of it. */
export function personLanguageLine(language: Language | null, interpreter: boolean): string | null {
  const said = words();
  if (language === null) return interpreter ? said.interpreterAlone : null;
  return interpreter ? `${said.prefers[language]} · ${said.interpreter}` : said.prefers[language];
}
