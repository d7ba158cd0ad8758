import { afterEach, describe, expect, it } from 'vitest';
import { coachRefusedHint, coachRefusedWords, coachSetupRefusal, unreadHeading, unreadRowWords } from '../../../src/messages/coach.js';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { inEnglish, speak } from '../../../src/messages/spoken.js';

afterEach(() => speak(undefined));

const NOTE = { id: 1, meetingId: 12, personId: 3, personName: 'Maria Lopez', organizer: 'Ana Ruiz', coach: 'Lee Lead', text: 'Pregunta con quién más.', at: '2026-12-04T18:00:00.000Z', heldAt: '2026-12-03T18:00:00.000Z', readAt: null };

describe("a coach's note in Spanish", () => {
  it('counts the unread notes in the singular and the plural', () => {
    speakSpanish();
    expect(unreadHeading(1)).toBe('1 nota de acompañamiento para ti, sin leer:');
    expect(unreadHeading(2)).toBe('2 notas de acompañamiento para ti, sin leer:');
  });

  it('names the role of whoever is refused as Spanish says it, and its hint needs no one', () => {
    speakSpanish();
    expect(coachRefusedWords('not-led', 12, { name: 'Kim Lead', role: 'lead' })).toBe('M12 no la tuvo nadie de tu equipo, así que no puedes acompañarla (eres Kim Lead, líder de equipo)');
    expect(coachRefusedHint('own', 12)).toBe('repásala tú con: oneonone review M12 --add "lo que harías diferente"');
    expect(coachSetupRefusal('empty-note').message).toBe('la nota está vacía');
  });

  it('is worded in English for --json', () => {
    speakSpanish();
    expect(inEnglish(() => unreadRowWords(NOTE))).toBe("Lee Lead's note on M12: Pregunta con quién más. (read it with: oneonone review M12)");
    expect(unreadRowWords(NOTE)).toBe('Nota de Lee Lead sobre M12: Pregunta con quién más. (léela con: oneonone review M12)');
  });
});

describe("a coach's note in English", () => {
  it('reads as it always has', () => {
    expect(unreadHeading(1)).toBe("1 coach's note for you, not read yet:");
    expect(unreadHeading(3)).toBe("3 coach's notes for you, not read yet:");
    expect(coachRefusedWords('not-on-team', 12, undefined)).toBe('only someone on the team can coach a meeting (you are not on the team)');
    expect(coachSetupRefusal('old-team')).toEqual({ message: "this team was set up before coach's notes existed", hint: "ask the server's administrator to add them (oneonone team init makes them on a new server)" });
  });
});
