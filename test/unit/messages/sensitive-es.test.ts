import { afterEach, describe, expect, it } from 'vitest';
import { speakSpanish } from '../../../src/messages/es/index.js';
import { choiceKeys, choiceWords, flaggedNoteLines, flaggedQuestion, notAChoiceWords, noteFlaggedWords, noteRewriteWords, privateMark, rewriteQuestion } from '../../../src/messages/sensitive.js';
import { speak } from '../../../src/messages/spoken.js';

/** Everything a meeting says about a note that names a sensitive word, for one note and one agitation. */
function said(): string {
  return [
    ...flaggedNoteLines('sin papeles desde 2019', ['sin papeles'], true),
    ...flaggedNoteLines('sin papeles', ['sin papeles'], false),
    ...choiceKeys(true),
    noteFlaggedWords(['sin papeles'], true, 'keys'),
    noteFlaggedWords(['la migra'], false, 'lines'),
    noteRewriteWords('sin papeles', 'keys'),
    noteRewriteWords('sin papeles', 'lines'),
    notAChoiceWords('x', true),
    flaggedQuestion(['ICE'], 'agitation', true),
    flaggedQuestion(['mi palabra'], 'note', false),
    rewriteQuestion(),
    choiceWords('send'),
    privateMark(),
  ].join('\n');
}

const ENGLISH = /\b(note|names|rewrite|send|private|Press|key|cancel|server|team|status|immigration|Type|Enter the|only you|Rewrite|Keep)\b/;

describe('a sensitive word in a meeting, in Spanish', () => {
  afterEach(() => speak(undefined));

  it('says every line, key and question in Spanish, with the same keys', () => {
    speakSpanish();
    const text = said();
    expect(text).not.toMatch(ENGLISH);
    expect(text).toContain('Esta nota nombra "sin papeles", y la situación migratoria está más segura si no se escribe en ningún lado.');
    expect(choiceKeys(true)).toEqual(['p dejarla privada (solo tú la vas a leer)', 'r volver a escribirla', 's enviarla tal cual', 'Esc cancela']);
    expect(flaggedQuestion(['mi palabra'], 'note', false)).toMatch(/^Esta nota nombra "mi palabra", y el equipo no guarda esas palabras/);
  });

  it('stays in English otherwise, word for word as before (and the same check finds it)', () => {
    expect(said()).toMatch(ENGLISH);
    expect(choiceKeys(true)).toEqual(['p keep it private (only you will read it)', 'r rewrite it', 's send it as it is', 'Esc cancel']);
    expect(flaggedNoteLines('x', ['visa'], true)[1]).toBe('This note names "visa", and immigration status is safest not written down at all.');
  });
});
