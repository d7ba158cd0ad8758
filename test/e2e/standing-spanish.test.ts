import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
/** The English words of leaders, ladder, stats and scale; a flag or a command the output names (--kept) is not a word said. */
const ENGLISH =
  /\b(rank|name|rung|meetings?|last met|brought in|score|Ranked|people|person|ladder|Moves|nobody|up|down|when|who|why|week|average|share|talking|line|month|listen|habits|skipped|Asks|made|kept|campaign|assessed|level|words|default|Stored|Nobody matches|in all)\b/;
const said = (text: string) => text.replace(/--[\w-]+|oneonone \w+/g, '');

const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

describe('how the organizer is doing, in Spanish: leaders, ladder, stats and scale', () => {
  let box: Sandbox;
  const now = new Date();
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 0, 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 3));

  function meet(person: string, when: Date, talk: [number, number], extra: string[]): void {
    const result = box.run(['log', person, '--date', stamp(when), '--json', ...extra]);
    expect(result.code, result.stderr).toBe(0);
    const id = (JSON.parse(result.stdout) as { id: number }).id;
    box.sql('UPDATE meeting_phases SET organizer_talk_seconds = ?, other_talk_seconds = ? WHERE meeting_id = ?', [talk[0], talk[1], id]);
  }

  beforeAll(() => {
    box = sandbox();
    meet('Ana Ruiz', lastMonth, [120, 180], ['--ask', 'venir a la junta', '--outcome', 'yes', '--rung', 'leader', '--did', 'purpose,their-story']);
    meet('Bo Chen', thisMonth, [30, 270], ['--ask', 'traer a un vecino', '--outcome', 'no', '--rung', 'volunteer', '--referral', 'Cy Diaz']);
    expect(box.run(['edit', 'Ana Ruiz', '--assess', '2']).code).toBe(0);
  });
  afterAll(() => box.cleanup());

  const run = (args: string[], env = {}) => {
    const result = box.run(args, { env });
    expect(result.code, result.stderr).toBe(0);
    return `${result.stdout}${result.stderr}`;
  };

  it('leaders: the table, the rungs and the footer', () => {
    const leaders = run(['leaders'], SPANISH);
    expect(leaders).toMatch(/│ lugar │ id │ nombre +│ peldaño +│ potencial │ reuniones │ última reunión │ solicitudes \/ sí \/ cumplidas │ trajo a │ puntaje │/);
    expect(leaders).toMatch(/│ Ana Ruiz │ líder +│/);
    expect(leaders).toMatch(/│ \d+,\d +│/);
    expect(leaders).toContain('Ordenados por potencial de liderazgo, peldaño, compromisos cumplidos');
    const none = run(['leaders', '--rung', 'organizer', '--stale', '3'], SPANISH);
    expect(none).toBe('Nadie coincide (de organizador/a para arriba, sin reunión en 3 días).\n');
    for (const text of [leaders, none]) expect(said(text)).not.toMatch(ENGLISH);
    expect(said(run(['leaders']))).toMatch(ENGLISH);
  });

  it('ladder: the rungs, how many are on it and who moved', () => {
    const ladder = run(['ladder', '--days', '400'], SPANISH);
    expect(ladder).toMatch(/│ peldaño +│ personas │/);
    expect(ladder).toMatch(/│ 5 líder +│ 1 +│ █+/);
    expect(ladder).toContain('3 personas en la escalera.\nMovimientos de los últimos 400 días:');
    expect(ladder).toMatch(/│ cuándo +│ quién +│ movimiento │ de → a +│ por qué/);
    expect(ladder).toMatch(/│ subió +│ contacto → voluntario\/a/);
    const quiet = run(['ladder', '--days', '1'], SPANISH);
    if (!quiet.includes('│ subió')) expect(quiet).toContain('Movimientos del último día: nadie se movió.');
    for (const text of [ladder, quiet]) expect(said(text)).not.toMatch(ENGLISH);
    expect(said(run(['ladder', '--days', '400']))).toMatch(ENGLISH);
  });

  it('stats: every section, its charts, dates and figures', () => {
    const stats = run(['stats'], SPANISH);
    expect(stats).toContain('Reuniones por semana');
    expect(stats).toMatch(/^ {2}S\d\d {2}lun \d+ \S+ \d{4} +\d /m);
    expect(stats).toMatch(/2 reuniones en 1[23] semanas, 0,2 por semana en promedio\./);
    expect(stats).toContain('Cuánto hablaste tú, reunión por reunión (│ es la línea del 20\u00a0%: quédate a su izquierda)');
    expect(stats).toMatch(/40\u00a0% {2}sobre la línea/);
    expect(stats).toContain('2 reuniones con tiempo de palabra registrado; 1 sobre la línea; 25\u00a0% en promedio.');
    expect(stats).toContain('Este mes hablaste el 10\u00a0% en promedio, menos que el 40\u00a0% del mes pasado: estás escuchando más. Eso está dentro de la línea del 20\u00a0%.');
    expect(stats).toContain('Cómo escuchas');
    expect(stats).toContain('Tus hábitos en tus últimas 2 reuniones con autoevaluación');
    expect(stats).toMatch(/dijiste tu propósito +50\u00a0% █+ +1 de 2/);
    expect(stats).toContain('Lo que más te saltaste:');
    expect(stats).toContain('Solicitudes: hechas, aceptadas, cumplidas');
    expect(stats).toContain('50\u00a0% de las solicitudes hechas');
    expect(stats).toContain('Personas por peldaño');
    expect(stats).toContain('3 personas en total.');
    expect(stats).toContain('Dónde está la gente en la campaña');
    expect(stats).toMatch(/2 algo a favor +1 █+/);
    expect(stats).toContain('2 de 3 personas sin evaluar.');
    expect(stats).toMatch(/Desde el lun \d+ \S+ \d{4}: 1 evaluada por primera vez, 0 se acercaron al apoyo, 0 se alejaron\./);
    expect(said(stats)).not.toMatch(ENGLISH);
    expect(said(run(['stats']))).toMatch(ENGLISH);
  });

  it('scale: the table and what it says', () => {
    const scale = run(['scale'], SPANISH);
    expect(scale).toMatch(/│ nivel │ palabras +│ de siempre │/);
    expect(scale).toMatch(/│ 2 +│ algo a favor +│/);
    expect(scale).toContain('Los códigos guardados siguen siendo 0–5');
    const reset = run(['scale', 'reset'], SPANISH);
    expect(reset).toBe('Todos los niveles ya dicen lo de siempre; no cambió nada.\n');
    for (const text of [scale, reset]) expect(said(text)).not.toMatch(ENGLISH);
    expect(said(run(['scale']))).toMatch(ENGLISH);
  });
});
