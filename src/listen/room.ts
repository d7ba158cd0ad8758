/**
 * How loud the room is around the voices: the level of its quietest moments (the noise floor) against its loudest
 * (the voices), over the last few seconds. A small gap means the voices are hard to tell from the room, and the
 * share should not be shown as if it were sure.
 */
export interface RoomReading {
  readonly noiseDb: number;
  readonly voiceDb: number;
  readonly snrDb: number;
  readonly loud: boolean;
}

export interface RoomOptions {
  /** Frames remembered (10 ms each). */
  readonly frames: number;
  /** Below this gap between voices and room, the room is too loud to trust the share. */
  readonly loudBelowDb: number;
}

export const ROOM_DEFAULTS: RoomOptions = { frames: 1000, loudBelowDb: 25 };

export function createRoom(o: RoomOptions = ROOM_DEFAULTS): { hear(levelDb: number): void; reading(): RoomReading } {
  const levels = new Float64Array(o.frames);
  let heard = 0;
  return {
    hear(levelDb) {
      levels[heard % o.frames] = levelDb;
      heard++;
    },
    reading() {
      const sorted = Array.from(levels.subarray(0, Math.min(heard, o.frames))).sort((a, b) => a - b);
      if (sorted.length === 0) return { noiseDb: -100, voiceDb: -100, snrDb: 0, loud: false };
      const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
      const noiseDb = at(0.1);
      const voiceDb = at(0.95);
      const snrDb = voiceDb - noiseDb;
      return { noiseDb, voiceDb, snrDb, loud: snrDb < o.loudBelowDb };
    },
  };
}
