import { describe, expect, it } from 'vitest';
import { AGENDA_ES } from '../../../src/messages/es/agenda.js';
import { TABLE_ES } from '../../../src/messages/es/table.js';

describe('the check-in question in Spanish', () => {
  it.each([
    ['hablar en la reunión de inquilinos', 'yes', '¿Cumplió Ana con hablar en la reunión de inquilinos?'],
    ['Traer a tus vecinos a la vigilia.', 'maybe', '¿Cumplió Ana con traer a sus vecinos a la vigilia? (dijo que tal vez)'],
    ['¿Puedes venir el jueves?', 'yes', '¿Cumplió Ana con venir el jueves?'],
    ['por favor, llamar a tu prima', 'yes', '¿Cumplió Ana con llamar a su prima?'],
    ['sumarte al comité de vivienda', 'yes', '¿Cumplió Ana con sumarse al comité de vivienda?'],
    ['invitarlos a la asamblea', 'yes', '¿Cumplió Ana con invitarlos a la asamblea?'],
    ['la vigilia del jueves', 'yes', '¿Cumplió Ana con "la vigilia del jueves"?'],
    ['come to the tenant meeting', 'yes', '¿Cumplió Ana con "come to the tenant meeting"?'],
  ] as const)('%s', (ask, outcome, question) => {
    expect(AGENDA_ES.checkIn('Ana', ask, outcome)).toBe(question);
  });
});

describe('the lines of the list in Spanish', () => {
  it('counts with Spanish plurals', () => {
    expect(AGENDA_ES.summary({ late: 1, today: 2, later: 0 }, 'C1')).toMatch(/^1 atrasado, 2 para hoy\. Cierra uno con: oneonone done C1 /);
    expect(AGENDA_ES.moreDue(1)).toBe('y 1 persona más tiene pendiente una reunión uno a uno — míralas todas con --all');
    expect(AGENDA_ES.lateWhen(1, '09:00')).toBe('VENCIÓ hace 1 día');
    expect(AGENDA_ES.lateWhen(0, '09:00')).toBe('VENCIÓ hoy 09:00');
    expect(AGENDA_ES.actions.changeResult(7, 'kept', 'vie 4 dic 2026, 19:00', 'broken')).toBe('A7 quedó registrada como cumplida el vie 4 dic 2026, 19:00. ¿Cambiarla a no cumplida?');
    expect(TABLE_ES.more(12_345, 'mira todo con --json')).toBe('… y 12.345 más: mira todo con --json');
  });
});
