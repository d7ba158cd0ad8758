import { currentLanguage } from '../support/config.js';

/**
 * Before a command runs: in Spanish its catalogues are loaded and take over. A config file that cannot be read leaves
 * the run in English; the command says what is wrong with the file where it reads it (`config` must still fix it).
 */
export async function speakChosenLanguage(): Promise<void> {
  let language;
  try {
    language = currentLanguage();
  } catch {
    return;
  }
  if (language === 'es') (await import('./es/index.js')).speakSpanish();
}
