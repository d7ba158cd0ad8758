import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
/** The English of templates' own screens, whole words. */
const ENGLISH = /\b(name|title|length|runs at|phases|from|built-in|Your own|tip|ask|listen for|you talk at most|The '|To make your own)\b/;

describe('templates in Spanish', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  it('lists the guides with Spanish headings and where your own go', () => {
    const listed = box.run(['templates'], { env: SPANISH });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/│ nombre +│ título +│ idioma +│ duración +│ se puede en \(min\) +│ fases +│ origen +│/);
    expect(listed.stdout).toMatch(/│ seis-pasos +│ Los seis pasos de una reunión uno a uno +│ es +│ 45 min +│ 30, 45, 60 +│ 6 +│ incluida +│/);
    expect(listed.stdout).toContain('Tus propias guías van en');
    expect(listed.stdout).not.toMatch(ENGLISH);
    expect(box.run(['templates']).stdout).toMatch(ENGLISH);
  });

  it('shows a guide phase by phase in Spanish, the kinds of note said as labels', () => {
    const shown = box.run(['templates', 'show', 'reunion-uno-a-uno'], { env: SPANISH });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Agenda de la reunión uno a uno \(reunion-uno-a-uno, 60 min, incluida\)/);
    expect(shown.stdout).toMatch(/\n2\. Explorar — [\d,]+ min · hablas como máximo el 20\u00a0%\n/);
    expect(shown.stdout).toMatch(/\n {3}escucha: valor, interés propio/);
    const yaml = box.run(['templates', 'show', 'seis-pasos', '--yaml'], { env: SPANISH });
    expect(yaml.stdout.split('\n')[0]).toMatch(/^# La guía de reunión 'seis-pasos' \(incluida\), de /);
  });
});
