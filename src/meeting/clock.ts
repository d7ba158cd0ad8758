/** The countdown for one phase. Pure: every function takes `now` (ms from a meeting time). */
export interface PhaseClock {
  readonly plannedSeconds: number;
  readonly extraSeconds: number;
  readonly bankedMs: number;
  readonly runningSince: number | null;
}

export type PhaseStage = 'running' | 'last-minute' | 'overtime';
export type PhaseMoment = 'start' | 'half' | 'one-minute' | 'zero';

const ONE_MINUTE_MS = 60_000;

/** `alreadyElapsedMs` and `extraSeconds` carry a resumed phase's time spent and minutes added with +. */
export function startPhaseClock(plannedSeconds: number, now: number, alreadyElapsedMs = 0, extraSeconds = 0): PhaseClock {
  return { plannedSeconds, extraSeconds, bankedMs: alreadyElapsedMs, runningSince: now };
}

export function isPhaseClockRunning(c: PhaseClock): boolean {
  return c.runningSince !== null;
}

export function pausePhaseClock(c: PhaseClock, now: number): PhaseClock {
  if (c.runningSince === null) return c;
  return { ...c, bankedMs: phaseElapsedMs(c, now), runningSince: null };
}

export function resumePhaseClock(c: PhaseClock, now: number): PhaseClock {
  return c.runningSince === null ? { ...c, runningSince: now } : c;
}

export function addMinute(c: PhaseClock): PhaseClock {
  return { ...c, extraSeconds: c.extraSeconds + 60 };
}

/** Planned time plus added minutes. */
export function phaseTargetMs(c: PhaseClock): number {
  return (c.plannedSeconds + c.extraSeconds) * 1000;
}

export function phaseElapsedMs(c: PhaseClock, now: number): number {
  const running = c.runningSince === null ? 0 : Math.max(0, now - c.runningSince);
  return c.bankedMs + running;
}

/** Negative in overtime. */
export function phaseRemainingMs(c: PhaseClock, now: number): number {
  return phaseTargetMs(c) - phaseElapsedMs(c, now);
}

export function phaseStage(c: PhaseClock, now: number): PhaseStage {
  const remaining = phaseRemainingMs(c, now);
  if (remaining <= 0) return 'overtime';
  return remaining <= ONE_MINUTE_MS ? 'last-minute' : 'running';
}

/** When each moment falls, in elapsed ms; 'one-minute' only exists for phases longer than a minute. */
export function phaseMoments(c: PhaseClock): { moment: PhaseMoment; atMs: number }[] {
  const target = phaseTargetMs(c);
  const moments: { moment: PhaseMoment; atMs: number }[] = [
    { moment: 'start', atMs: 0 },
    { moment: 'half', atMs: target / 2 },
    { moment: 'zero', atMs: target },
  ];
  if (target > ONE_MINUTE_MS) moments.push({ moment: 'one-minute', atMs: target - ONE_MINUTE_MS });
  return moments.sort((a, b) => a.atMs - b.atMs);
}

/**
 * Moments crossed when elapsed time went from `fromElapsedMs` (exclusive) to `toElapsedMs` (inclusive),
 * in order. Pass a negative `from` before the phase has begun to include 'start'.
 * Measured against the current target, so after `addMinute` in overtime 'zero' comes round again.
 */
export function plainAnnouncements(c: PhaseClock, fromElapsedMs: number, toElapsedMs: number): PhaseMoment[] {
  return phaseMoments(c)
    .filter(({ atMs }) => fromElapsedMs < atMs && atMs <= toElapsedMs)
    .map(({ moment }) => moment);
}
