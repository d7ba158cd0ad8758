import { afterEach, describe, expect, it } from 'vitest';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { heldWords, severalOnServerWords } from '../../../src/messages/outbox.js';
import { speak } from '../../../src/messages/spoken.js';
import { teamWords } from '../../../src/messages/team.js';
import { spokenVerdictWords, verdictWords } from '../../../src/messages/team-week.js';

const held = [{ local: 4, person: 'Ana Ruiz', why: severalOnServerWords('Ana Ruiz', [3, 9]) }];

describe("the team's words in Spanish", () => {
  afterEach(() => speak(undefined));

  it('says why a meeting waits on this computer in Spanish; the reason push --json prints stays English', () => {
    expect(heldWords(held)).toBe('1 meeting waiting on this computer: Ana Ruiz could be 2 people on the server (#3, #9); send it with: oneonone push --as ID');
    speakSpanish();
    expect(severalOnServerWords('Ana Ruiz', [3, 9])).toBe('Ana Ruiz could be 2 people on the server (#3, #9)');
    expect(heldWords(held)).toBe('1 reunión espera en esta computadora: Ana Ruiz puede ser cualquiera de 2 personas en el servidor (#3, #9); envíala con: oneonone push --as ID');
    expect(heldWords([{ local: 5, person: 'Bo', why: 'something else' }])).toContain(': something else;');
  });

  it("words the database's audit entries in Spanish where their shape is known, and leaves the rest as written", () => {
    expect(teamWords().auditEntry('role changed', 'Ana Ruiz: organizer to lead')).toEqual({ what: 'role changed', detail: 'Ana Ruiz: organizer to lead' });
    speakSpanish();
    const words = teamWords();
    expect(words.auditEntry('role changed', 'Ana Ruiz: organizer to lead')).toEqual({ what: 'cambio de rol', detail: 'Ana Ruiz: de organizador/a a líder de equipo' });
    expect(words.auditEntry('handoff', 'P12 from nobody to Ben Ortiz')).toEqual({ what: 'traspaso', detail: 'P12 de nadie a Ben Ortiz' });
    expect(words.auditEntry('organizer removed', 'Cy Diaz (cy)')).toEqual({ what: 'organizador/a fuera del equipo', detail: 'Cy Diaz (cy)' });
    expect(words.auditEntry('something new', null)).toEqual({ what: 'something new', detail: '' });
  });

  it("keeps a week's verdict English for --json and says it in Spanish on the screen, the talk share over the line too", () => {
    speakSpanish();
    const verdict = { standing: { kind: 'on-goal', over: 1 } as const, current: false, talkOver: { share: 0.31, line: 0.2 } };
    expect(verdictWords(verdict)).toBe('on goal, 1 over; talks 31%, over the 20% line');
    expect(spokenVerdictWords(verdict)).toBe('cumple la meta, 1 de más; habla el 31\u00a0%, por encima de la línea del 20\u00a0%');
  });
});
