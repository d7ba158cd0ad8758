/** La escala de la evaluación de campaña en español (docs/glosario.md: "a favor", que no es el peldaño simpatizante). */
import type { AssessmentWords } from '../assessment.js';

export const ASSESSMENT_ES: AssessmentWords = {
  levels: ['sin evaluar', 'muy a favor', 'algo a favor', 'indeciso/a', 'algo en contra', 'en contra'],
};
