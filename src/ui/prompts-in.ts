import { currentLanguage } from '../support/config.js';

/** The prompts with Inquirer's own words (Sí/No, navegar) in the run's language; loaded when the first question is asked. */
export function promptsInLanguage(): Promise<typeof import('./prompts.js')> {
  return currentLanguage() === 'es' ? import('./prompts-es.js') : import('./prompts.js');
}
