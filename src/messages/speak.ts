import { currentLanguage, languageBesideConfig } from '../support/config.js';

/**
 * Before a command runs: in Spanish its catalogues are loaded and take over. A config file that cannot be read leaves
 * the language to --lang, ONEONONE_LANG and the locale; the command says what is wrong with the file where it reads it
 * (`config` must still fix it), in that language.
 */
export async function speakChosenLanguage(): Promise<void> {
  let language;
  try {
    language = currentLanguage();
  } catch {
    language = languageBesideConfig();
  }
  if (language === 'es') (await import('./es/index.js')).speakSpanish();
}
