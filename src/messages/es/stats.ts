/** Las palabras de las gráficas de `stats` en español: reuniones por semana, cuánto hablaste, solicitudes y la escalera. */
import type { StatsWords } from '../stats.js';
import { icu } from './icu.js';

const REUNIONES = icu('{meetings, plural, one {# reunión} other {# reuniones}}');
const SEMANAS = icu('{weeks, plural, one {# semana} other {# semanas}}');
const PERSONAS = icu('{people, plural, one {# persona en total.} other {# personas en total.}}');
const CON_TIEMPO = icu('{meetings, plural, one {# reunión con tiempo de palabra registrado} other {# reuniones con tiempo de palabra registrado}}');

const decimal = (n: number) => n.toFixed(1).replace('.', ',');

export const STATS_ES: StatsWords = {
  meetingsPerWeek: {
    title: 'Reuniones por semana',
    // "2026-W49" es la semana 49: S49.
    week: (week) => `S${week.slice(6)}`,
    summary: (meetings, weeks, perWeek) => `${REUNIONES({ meetings })} en ${SEMANAS({ weeks })}, ${decimal(perWeek)} por semana en promedio.`,
  },
  talkShares: {
    title: (line) => `Cuánto hablaste tú, reunión por reunión (│ es la línea del ${line}: quédate a su izquierda)`,
    noTalk: 'Ninguna reunión de este periodo tiene tiempo de palabra registrado. Haz tu próxima reunión uno a uno con oneonone start para verlo aquí.',
    overTheLine: 'sobre la línea',
    over: 'sobre',
    summary: (meetings, drawn, overLine, average) =>
      `${CON_TIEMPO({ meetings })}${drawn === undefined ? '' : ` (se dibujan las últimas ${drawn})`}; ${overLine} sobre la línea; ${average} en promedio.`,
  },
  verdict: {
    against: (above, line) => (above ? `por encima de la línea del ${line}` : `dentro de la línea del ${line}`),
    noneEither: 'Todavía no hay tiempo de palabra registrado ni este mes ni el pasado: haz una reunión con oneonone start y el reloj de la palabra lo mide.',
    noneThisMonth: (lastMonth, against) =>
      `Ninguna reunión de este mes tiene tiempo de palabra registrado todavía; el mes pasado hablaste el ${lastMonth} en promedio, ${against}.`,
    noneLastMonth: (thisMonth, against) => `Este mes hablaste el ${thisMonth} en promedio, ${against}; el mes pasado no tiene tiempo de palabra registrado.`,
    compared: (thisMonth, lastMonth, change, against) => {
      if (change === 'same') return `Este mes hablaste el ${thisMonth} en promedio, lo mismo que el mes pasado. Eso está ${against}.`;
      const listening = change === 'down'
        ? `menos que el ${lastMonth} del mes pasado: estás escuchando más`
        : `más que el ${lastMonth} del mes pasado: estás hablando más`;
      return `Este mes hablaste el ${thisMonth} en promedio, ${listening}. Eso está ${against}.`;
    },
  },
  asks: {
    title: 'Solicitudes: hechas, aceptadas, cumplidas',
    none: 'No hubo solicitudes en este periodo. Toda reunión uno a uno termina con una solicitud específica: regístrala con --ask.',
    made: 'hechas',
    yes: 'sí',
    kept: 'cumplidas',
    ofMade: (rate) => `${rate} de las solicitudes hechas`,
    ofYeses: (rate) => `${rate} de los sí (márcalas con oneonone done A7 --kept)`,
  },
  rungs: { title: 'Personas por peldaño', inAll: (people) => PERSONAS({ people }) },
};
