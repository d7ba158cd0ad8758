/** Un seguimiento sin palabras propias de quien organiza, dicho a partir de la solicitud que sigue. */
import type { FollowUpWords } from '../commitments.js';

export const FOLLOW_UP_ES: FollowUpWords = {
  alone: (person) => `Dar seguimiento a ${person}`,
  afterNo: (person, ask) => `Volver a hablar con ${person} sobre: ${ask}`,
  remind: (person, ask) => `Recordarle a ${person}: ${ask}`,
};
