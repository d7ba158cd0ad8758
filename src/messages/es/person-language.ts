/** El idioma de una persona y si necesita intérprete, como lo dicen la ficha antes de la reunión y `show`. */
import type { PersonLanguageWords } from '../person-language.js';

export const PERSON_LANGUAGE_ES: PersonLanguageWords = {
  prefers: { en: 'Prefiere inglés', es: 'Prefiere español' },
  interpreter: 'necesita intérprete',
  interpreterAlone: 'Necesita intérprete',
};
