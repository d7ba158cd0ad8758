import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
/** The English words of config's, import's, export's and the progress line's screens; paths and keys are taken out first. */
const ENGLISH = /\b(setting|value|from|default|environment|Saved|Took|nothing|note|wins|shows|goal|asks|added|changed|unchanged|line|kept|the file|Would|Ignoring|Wrote|readable|rows?|people|Checking|Importing|of)\b/;
/** What a run said, without the paths (a temporary folder's name is no word) and the setting's keys (typed as they are). */
const words = (said: string) => said.replace(/\/\S+/g, '').replace(/\b(db|language|template|minutes|cadence|weekly-goal|count-questions|countQuestions|oneonone|config|set|unset)\b/g, '');

describe('the settings and the sheets in Spanish', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  it('config lists, sets, gets and unsets in Spanish, and the same screens are English otherwise', () => {
    const set = box.run(['config', 'set', 'minutes', '45'], { env: { ...SPANISH, ONEONONE_MINUTES: '30' } });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/^Se guardó minutes: 45 en \S+config\.yaml \(solo tú lo puedes leer\)\.\nnota: por ahora minutes viene del entorno \(ONEONONE_MINUTES\), que vale más que el archivo de configuración\n$/);

    const list = box.run(['config', 'list'], { env: SPANISH });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/│ ajuste +│ valor +│ de dónde viene +│/);
    expect(list.stdout).toMatch(/│ minutes +│ 45 +│ archivo de configuración, línea 1 │/);
    expect(list.stdout).toMatch(/│ template +│ \(ninguno\) +│ por omisión +│/);
    expect(list.stderr).toContain('nota: oneonone ya habla español; todavía en inglés está lo que dice import de una hoja de contactos, relaciones o unidades');

    const get = box.run(['config', 'get', 'weekly-goal'], { env: SPANISH });
    expect(get.stderr).toBe('weekly-goal no está fijado: stats no muestra ninguna meta.\n');
    const unset = box.run(['config', 'unset', 'minutes'], { env: SPANISH });
    expect(unset.stderr).toMatch(/^Se sacó minutes de \S+; vuelve a valer el de por omisión\.\n$/);
    const again = box.run(['config', 'unset', 'minutes'], { env: SPANISH });
    expect(again.stderr).toMatch(/^minutes no está en \S+; no hay nada que sacar\.\n$/);

    for (const said of [set.stderr, list.stdout + list.stderr, get.stderr, unset.stderr, again.stderr]) expect(words(said)).not.toMatch(ENGLISH);
    expect(words(box.run(['config', 'list']).stdout)).toMatch(ENGLISH);
    expect(words(box.run(['config', 'get', 'weekly-goal']).stderr)).toMatch(ENGLISH);
  });

  it('a refused setting says where and why in Spanish, a config file that cannot be read too (the locale speaks then)', () => {
    const typed = box.run(['config', 'set', 'minutes', '-3'], { env: SPANISH });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toBe('oneonone: minutes debe ser un número positivo de minutos, hasta 240 (tiene "-3")\nsugerencia: p. ej. oneonone config set minutes 45\n');
    const file = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'config.yaml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'minuts: 45\n');
    const read = box.run(['config', 'list'], { env: SPANISH });
    expect(read.code).toBe(1);
    expect(read.stderr).toBe(
      `oneonone: archivo de configuración ${file}, línea 1: 'minuts' no es un ajuste que oneonone conozca\n` +
        "sugerencia: ¿quisiste decir 'minutes'? los ajustes son db, language, template, minutes, cadence, weekly-goal, count-questions\n",
    );
    for (const said of [typed.stderr, read.stderr]) expect(words(said)).not.toMatch(/\b(must|positive|got|hint|is not|knows|did you mean|settings are|line)\b/);
    expect(box.run(['config', 'list']).stderr).toContain("'minuts' is not a setting oneonone knows");
  });

  it('import says whom it adds, changes and leaves, and what it kept, in Spanish; export says what it wrote', () => {
    const sheet = join(box.dir, 'firmas.csv');
    writeFileSync(sheet, 'Name,Email,Rung,Extra\nAna Ruiz,ana@example.org,leader,x\nBo Chen,,volunteer,y\n');
    const dry = box.run(['import', sheet, '--dry-run'], { env: SPANISH });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toBe('Se ignora la columna "Extra" (para leer una: --map "Encabezado=campo").\n');
    expect(dry.stdout).toContain('se agregaría a Ana Ruiz (línea 2)\n  correo: ana@example.org\n  peldaño: líder\n');
    expect(dry.stdout).toContain('Se agregarían 2, se cambiarían 0, 0 quedarían como estaban. No se cambió nada (fue un ensayo, --dry-run).');
    expect(box.run(['import', sheet], { env: SPANISH }).stdout).toContain('Se agregaron 2, se cambiaron 0, 0 quedaron como estaban.');

    const later = join(box.dir, 'viejas.csv');
    writeFileSync(later, 'Name,Email,Rung\nAna Ruiz,ana@example.org,contact\n');
    const kept = box.run(['import', later], { env: SPANISH });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toBe(
      'Ana Ruiz #1 quedó igual (línea 2, mismo correo)\n  peldaño: se conservó líder (el archivo dice contacto, más abajo en la escalera; --demote lo toma)\n' +
        'Se agregaron 0, se cambiaron 0, 1 quedó como estaba.\n',
    );

    const out = join(box.dir, 'gente.csv');
    const exported = box.run(['export', 'people', '--out', out], { env: SPANISH });
    expect(exported.stderr).toBe(`Se escribieron 2 personas en ${out} (solo tú lo puedes leer).\n`);

    for (const said of [dry.stdout + dry.stderr, kept.stdout, exported.stderr]) expect(words(said)).not.toMatch(ENGLISH);
    expect(words(box.run(['import', later]).stdout)).toMatch(ENGLISH);
    expect(words(box.run(['export', 'people', '--out', out]).stderr)).toMatch(ENGLISH);
  });

  it('the progress line on a terminal counts in Spanish', async () => {
    const sheet = join(box.dir, 'lista.csv');
    writeFileSync(sheet, ['Name,Email', ...Array.from({ length: 1200 }, (_, i) => `Persona ${i},p${i}@example.org`)].join('\n'));
    const { code, screen } = await runInPty(['import', sheet, '--dry-run'], { ...box.env, ...SPANISH }, [], 60_000);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Revisando las filas: 0 de 1200 (0\u00a0%)');
    expect(screen).not.toMatch(/Checking rows/);
    const english = await runInPty(['import', sheet, '--dry-run'], box.env, [], 60_000);
    expect(english.screen).toContain('Checking rows: 0 of 1,200 (0%)');
  });
});
