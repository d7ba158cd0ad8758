import { afterEach, describe, expect, it } from 'vitest';
import { DEBRIEF, DEBRIEF_STEPS, followUpSuggestion, type DebriefMessage, type DebriefView } from '../../../src/meeting/debrief.js';
import { SCORE_ITEMS, CHECKLIST, scoreMeeting, type ScoreDetail, type ScoreItem, type ScoreLine, type Scorecard } from '../../../src/meeting/scorecard.js';
import { assessmentLabel, assessmentShown } from '../../../src/messages/assessment.js';
import { followUpWords } from '../../../src/messages/commitments.js';
import { debriefWords } from '../../../src/messages/debrief.js';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { rungLabel } from '../../../src/messages/ladder.js';
import {
  checklistPlain, checklistWords, coachNoteHeading, keptWords, missedWords, noReflection, noScorecardWords, reflectionAdded, reflectionHeading,
  REVIEW_LATER, reviewHeading, scoreLineWords, scoreShown, scorecardTitle, scoreWords, skippedHabit,
} from '../../../src/messages/scorecard.js';
import { speak } from '../../../src/messages/spoken.js';
import { parseWhen } from '../../../src/support/dates.js';
import { mentionsTimeSpanish } from '../../../src/support/dates-es.js';

afterEach(() => speak(undefined));

/** A draft midway through its debrief: an ask said no to, a note, a referral not yet placed. */
const VIEW: DebriefView = {
  personName: 'Ana Ruiz', plannedAsk: 'venir a la reunión', currentAsk: { id: 1, text: 'venir a la reunión', outcome: 'no', dueAt: null },
  asks: [{ dueAt: null, barriers: null, outcome: 'no' }], checklist: [], scorecardItems: SCORE_ITEMS,
  notes: [{ id: 1, tag: 'value', text: 'la familia' }], rung: 'supporter', potential: null, assessment: 0, units: ['Edificio Sol'],
  referrals: ['Juan Pérez'], lastReferral: { name: 'Juan Pérez', related: false }, lastFollowUp: { id: 1, text: 'Recordarle a Ana Ruiz: venir' },
};

/** Every message the debrief can say or ask, with each of its choices and suggestions, for this draft. */
function everyDebriefMessage(): DebriefMessage[] {
  return Object.values(DEBRIEF).flatMap((spec) => {
    const prompt = spec.prompt(VIEW);
    const said = spec.say ? [spec.say] : [];
    if (prompt === null) return said;
    const asked: DebriefMessage[] = [prompt.message];
    if (prompt.kind === 'select') asked.push(...prompt.choices.map((choice) => choice.label).filter((label): label is DebriefMessage => typeof label !== 'string'));
    // A date's field is not shown: it is the key the dates' words name it by (messages/es/dates.ts).
    if (prompt.kind === 'when' && prompt.suggestion) asked.push(prompt.suggestion);
    if (prompt.kind === 'text' && prompt.required) asked.push(prompt.required);
    return [...said, ...asked];
  });
}

/** A card with every item missed, and one with every item kept, with the talk figures behind two of them. */
const DETAILS: Partial<Record<ScoreItem, ScoreDetail>> = {
  'talk-share': { phase: 'Explorar', share: 0.45, limit: 0.2 },
  monologue: { phase: 'Explorar', seconds: 95, limit: 60 },
};
const CARDS: Scorecard[] = [false, true].map((met) => ({
  lines: SCORE_ITEMS.map((item): ScoreLine => (DETAILS[item] ? { item, met, detail: DETAILS[item] } : { item, met })),
}));

function scorecardScreens(): string[] {
  return CARDS.flatMap((card) => [
    `${scorecardTitle()}: ${scoreWords(card)}`,
    scoreShown(card),
    keptWords(card.lines.filter((line) => line.met).map((line) => scoreLineWords(line).text)),
    ...card.lines.filter((line) => !line.met).map((line) => {
      const { text, tip } = scoreLineWords(line);
      return missedWords(text, tip!);
    }),
    reviewHeading(3, 'Ana Ruiz', '2026-12-04T18:00:00', card),
  ]).concat(
    CHECKLIST.map(checklistWords), checklistPlain(), noScorecardWords(), reflectionHeading(), noReflection(3), reflectionAdded(3), REVIEW_LATER(3),
    coachNoteHeading('Marta', '2026-12-04T18:00:00'), skippedHabit('referral', 2, 10), skippedHabit('agitation', 0, 1),
  );
}

/**
 * English words of the tool's own, as whole words: none may be left in a Spanish screen. (The organizer's words, a
 * person's name, commands and options such as `oneonone review M3 --add`, and the keys Enter and space, are not ours to translate.)
 */
const ENGLISH = [
  'the', 'you', 'your', 'they', 'them', 'their', 'what', 'which', 'who', 'when', 'where', 'how', 'did', 'and', 'or', 'of', 'to', 'in', 'with',
  'ask', 'asks', 'smaller', 'follow-up', 'next', 'step', 'yes', 'maybe', 'not', 'sure', 'yet', 'skip', 'noted', 'add', 'one', 'go', 'on',
  'Tip', 'Kept', 'Scorecard', 'meeting', 'meetings', 'heard', 'story', 'value', 'values', 'self-interest', 'skills', 'capacity',
  'contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer', 'strong', 'leaning', 'undecided', 'against', 'opposed',
  'neighbors', 'family', 'friends', 'congregation', 'building', 'worksite', 'shift', 'together', 'other', 'way', 'Remind', 'about', 'Check',
  'back', 'agitated', 'agitation', 'reflection', 'coach', 'days', 'weeks', 'at', 'am', 'pm', 'by', 'e.g', 'no sign', 'ready', 'lead', 'now',
];
const COMMANDS = /oneonone review M\d+( --add "…")?/g;

function englishIn(text: string): string[] {
  const words = text.replace(COMMANDS, ' ');
  return ENGLISH.filter((word) => new RegExp(`(?<![\\p{L}-])${word.replace('.', '\\.')}(?![\\p{L}-])`, 'iu').test(words));
}

describe('the debrief in Spanish', () => {
  it('asks every question, and offers every choice, without an English word of ours', () => {
    speakSpanish();
    const screens = everyDebriefMessage().map(debriefWords);
    expect(screens.length).toBeGreaterThan(40);
    for (const screen of screens) expect(englishIn(screen), screen).toEqual([]);
  });

  it('offers the answers to an ask as sí, tal vez, no, and keeps their codes', () => {
    speakSpanish();
    const prompt = DEBRIEF['ask-outcome'].prompt(VIEW);
    expect(prompt?.kind).toBe('select');
    const choices = prompt?.kind === 'select' ? prompt.choices : [];
    expect(choices.map((choice) => debriefWords(choice.label))).toEqual(['sí', 'tal vez', 'no']);
    expect(choices.map((choice) => choice.value)).toEqual(['yes', 'maybe', 'no']);
    expect(DEBRIEF['ask-outcome'].answer('yes', VIEW).writes).toEqual([{ kind: 'ask-change', change: { outcome: 'yes' } }]);
  });

  it('names the rungs, the campaign scale and the ways people know each other as the glossary does', () => {
    speakSpanish();
    const rung = DEBRIEF.rung.prompt(VIEW);
    expect(debriefWords(rung!.message)).toBe('¿En qué peldaño de la escalera de participación queda Ana Ruiz después de esta reunión? (ahora: simpatizante)');
    expect(rung?.kind === 'select' && rung.choices.map((choice) => debriefWords(choice.label))).toEqual([
      '1 contacto', '2 simpatizante', '3 participante', '4 voluntario/a', '5 líder', '6 organizador/a',
    ]);
    expect(rung?.kind === 'select' && rung.choices.map((choice) => choice.value)).toEqual(['contact', 'supporter', 'participant', 'volunteer', 'leader', 'organizer']);
    expect([1, 2, 3, 4, 5].map(assessmentLabel)).toEqual(['muy a favor', 'algo a favor', 'indeciso/a', 'algo en contra', 'en contra']);
    expect(assessmentShown(2)).toBe('2 (algo a favor)');
    const how = DEBRIEF['referral-how'].prompt(VIEW);
    expect(debriefWords(how!.message)).toBe('¿De dónde conoce Ana Ruiz a Juan Pérez?');
    expect(how?.kind === 'select' && debriefWords(how.choices[2]!.label)).toBe('viven en el mismo edificio');
  });

  it('says what was heard so far, in the singular or plural of what it asks', () => {
    speakSpanish();
    expect(debriefWords(DEBRIEF['heard-value'].prompt(VIEW)!.message)).toBe(
      '¿Qué valores escuchaste? (lo que le importa, en sus palabras) Anotado: la familia. Agrega uno, o Enter para seguir:',
    );
    expect(debriefWords(DEBRIEF['heard-skill'].prompt(VIEW)!.message)).toBe('¿Qué habilidades tiene? Agrega una, o Enter para seguir:');
    expect(debriefWords(DEBRIEF.units.prompt(VIEW)!.message)).toBe(
      '¿De qué edificio, lugar de trabajo, turno o congregación es parte? (hasta ahora: Edificio Sol) Un nombre, o Enter para seguir:',
    );
  });

  it('offers follow-up dates that the Spanish date reader takes back, each with its time', () => {
    speakSpanish();
    const now = new Date(2026, 11, 3, 15, 0);
    const offers = [followUpSuggestion(undefined), followUpSuggestion({ id: 1, text: 'x', outcome: 'no', dueAt: null }), followUpSuggestion({ id: 1, text: 'x', outcome: 'yes', dueAt: new Date(2026, 11, 10, 19).toISOString() })];
    const read = offers.map((offer) => debriefWords(offer)).map((text) => {
      expect(mentionsTimeSpanish(text) || /\d{2}:\d{2}$/.test(text), text).toBe(true);
      const at = parseWhen(text, { now, future: true, field: 'follow-up date' });
      return [at.getDate(), at.getMonth() + 1, at.getHours()];
    });
    expect(read).toEqual([[5, 12, 10], [17, 12, 10], [11, 12, 10]]);
  });

  it('gives examples of a due date that the date reader takes, with a time', () => {
    speakSpanish();
    const examples = [...debriefWords({ id: 'ask-due' }).matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      expect(mentionsTimeSpanish(example), example).toBe(true);
      expect(parseWhen(example, { now: new Date(2026, 11, 3, 15, 0), future: true, field: "ask's due date" }).getHours()).toBe(17);
    }
  });

  it('keeps the dates\' field names as the keys the date refusals read, in both languages', () => {
    const fields = () => [debriefWords({ id: 'field-ask-due' }), debriefWords({ id: 'field-followup-due' })];
    const english = fields();
    speakSpanish();
    expect(fields()).toEqual(english);
  });
});

describe('the debrief in English', () => {
  it('reads as it always has', () => {
    expect(debriefWords(DEBRIEF['ask-outcome'].prompt(VIEW)!.message)).toBe('What did they say to "venir a la reunión"?');
    const outcome = DEBRIEF['ask-outcome'].prompt(VIEW);
    expect(outcome?.kind === 'select' && outcome.choices.map((choice) => debriefWords(choice.label))).toEqual(['yes', 'maybe', 'no']);
    const rung = DEBRIEF.rung.prompt(VIEW);
    expect(debriefWords(rung!.message)).toBe('Where does Ana Ruiz stand on the ladder after this meeting? (now: supporter)');
    expect(rung?.kind === 'select' && rung.choices.map((choice) => debriefWords(choice.label))[3]).toBe('4 volunteer');
    expect(debriefWords(DEBRIEF['heard-value'].prompt(VIEW)!.message)).toBe(
      'What values did you hear? (what they care about, in their words) Noted: la familia. Add one, or Enter to go on:',
    );
    expect(debriefWords(followUpSuggestion(undefined))).toBe('in 2 days at 10am');
    expect(assessmentShown(2)).toBe('2 (leaning supporter)');
    expect(rungLabel('volunteer')).toBe('volunteer');
  });

  it('has a word for every step that asks something', () => {
    for (const step of DEBRIEF_STEPS.filter((s) => s !== 'summary')) {
      const prompt = DEBRIEF[step].prompt(VIEW);
      if (prompt) expect(debriefWords(prompt.message)).not.toBe('');
    }
  });
});

describe('the scorecard in Spanish', () => {
  it('says what was kept and what was missed, each with its tip, without an English word of ours', () => {
    speakSpanish();
    const screens = scorecardScreens();
    for (const screen of screens) expect(englishIn(screen), screen).toEqual([]);
  });

  it('reads a logged meeting\'s card', () => {
    speakSpanish();
    const card = scoreMeeting({ did: ['purpose'], noteTags: ['value'], agitation: null, asks: [{ dueAt: '2026-12-10T19:00:00.000Z', barriers: null, outcome: 'no' }], followUps: 0, phases: [] });
    expect(`${scorecardTitle()}: ${scoreWords(card)}`).toBe('Autoevaluación: 3 de 11');
    expect(scoreShown(card)).toBe('autoevaluación 3 de 11');
    expect(keptWords(card.lines.filter((l) => l.met).map((l) => scoreLineWords(l).text))).toBe(
      'Cumpliste: dijiste por qué se reunían y cómo conseguiste su nombre; escuchaste un valor; hiciste una solicitud específica con día y hora.',
    );
    const missed = card.lines.find((l) => l.item === 'follow-up')!;
    const { text, tip } = scoreLineWords(missed);
    expect(missedWords(text, tip!)).toBe('No acordaste ningún seguimiento. Consejo: Di claramente cómo le vas a dar seguimiento ("Te llamo el lunes para recordártelo").');
  });

  it('writes the talk figures as Spanish writes them', () => {
    speakSpanish();
    const [missedAll] = CARDS;
    const talk = missedAll!.lines.find((line) => line.item === 'talk-share')!;
    expect(scoreLineWords(talk).text).toBe('Hablaste más de lo que permite la guía (como máximo el 45\u00a0%, en Explorar; su límite, el 20\u00a0%)');
    const stretch = missedAll!.lines.find((line) => line.item === 'monologue')!;
    expect(scoreLineWords(stretch).text).toBe('Hablaste demasiado tiempo de corrido (01:35 en Explorar; su límite, 01:00)');
  });

  it('counts meetings in the singular and the plural', () => {
    speakSpanish();
    expect(skippedHabit('referral', 2, 10)).toBe('Preguntaste con quién más deberías hablar en 2 de 10 reuniones en las que aplicaba.');
    expect(skippedHabit('agitation', 0, 1)).toBe('Agitaste en 0 de 1 reunión en la que aplicaba.');
  });

  it('says the review\'s words and the default follow-ups in Spanish', () => {
    speakSpanish();
    expect(reviewHeading(3, 'Ana Ruiz', '2026-12-04T18:00:00', CARDS[1]!)).toBe('M3 con Ana Ruiz, vie 4 dic 2026, 18:00: 13 de 13');
    expect(coachNoteHeading('Lee Lead', '2026-12-05T09:00:00')).toBe('Una nota de quien te acompaña, Lee Lead (sáb 5 dic 2026)');
    expect(noReflection(3)).toBe('Todavía no hay reflexión. Agrega una: oneonone review M3 --add "…"');
    expect(checklistWords('barriers')).toBe('Pregunté qué se le podría atravesar para cumplir la solicitud');
    expect(followUpWords({ text: null, ask: { text: 'firmar la carta', outcome: 'yes' } }, 'Ana Ruiz')).toBe('Recordarle a Ana Ruiz: firmar la carta');
    expect(followUpWords({ text: null, ask: { text: 'venir el jueves', outcome: 'no' } }, 'Ana Ruiz')).toBe('Volver a hablar con Ana Ruiz sobre: venir el jueves');
    expect(followUpWords({ text: null, ask: null }, 'Ana Ruiz')).toBe('Dar seguimiento a Ana Ruiz');
    expect(followUpWords({ text: 'llamarla el lunes', ask: null }, 'Ana Ruiz'), 'the organizer\'s own words stay theirs').toBe('llamarla el lunes');
  });
});

describe('the scorecard in English', () => {
  it('reads as it always has', () => {
    const card = scoreMeeting({ did: ['purpose'], noteTags: ['value'], agitation: null, asks: [], followUps: 1, phases: [] });
    expect(`${scorecardTitle()}: ${scoreWords(card)}`).toBe('Scorecard: 3 of 9');
    expect(scoreShown(card)).toBe('scorecard 3 of 9');
    const missed = card.lines.find((l) => l.item === 'agitation')!;
    const { text, tip } = scoreLineWords(missed);
    expect(missedWords(text, tip!)).toBe('No agitation raised. Tip: Name the gap between what they value and how things are ("Why haven\'t you done something about it?").');
    expect(skippedHabit('referral', 1, 1)).toBe('You asked who else you should talk to in 1 of the 1 meeting where it applied.');
    expect(skippedHabit('referral', 2, 10)).toBe('You asked who else you should talk to in 2 of the 10 meetings where it applied.');
    expect(noReflection(4)).toBe('No reflection yet. Add one: oneonone review M4 --add "…"');
    expect(reviewHeading(4, 'Bo Chen', '2026-12-04T18:00:00', null)).toBe('M4 with Bo Chen, Fri 4 Dec 2026, 18:00');
    expect(checklistPlain()).toBe('Numbers to tick, separated by spaces (Enter for none): ');
    expect(followUpWords({ text: null, ask: { text: 'sign', outcome: 'no' } }, 'Bo')).toBe('Check back in with Bo about: sign');
    expect(followUpWords({ text: null, ask: { text: 'sign', outcome: 'maybe' } }, 'Bo')).toBe('Remind Bo about: sign');
  });
});
