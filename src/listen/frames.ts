/** What the listener takes: 16 kHz mono 16-bit PCM, worked on in 10 ms frames and decided in half-second blocks. */
export const SAMPLE_RATE = 16_000;
export const FRAME_SAMPLES = 160;
export const FRAME_SECONDS = FRAME_SAMPLES / SAMPLE_RATE;
export const FRAMES_PER_BLOCK = 50;
export const BLOCK_SECONDS = FRAMES_PER_BLOCK * FRAME_SECONDS;

/** Cuts a stream of samples, in chunks of any length, into whole 10 ms frames; the rest waits for the next chunk. */
export function createFramer(): (chunk: Int16Array) => Int16Array[] {
  let rest = new Int16Array(0);
  return (chunk) => {
    const all = new Int16Array(rest.length + chunk.length);
    all.set(rest);
    all.set(chunk, rest.length);
    const frames: Int16Array[] = [];
    let at = 0;
    for (; at + FRAME_SAMPLES <= all.length; at += FRAME_SAMPLES) frames.push(all.slice(at, at + FRAME_SAMPLES));
    rest = all.slice(at);
    return frames;
  };
}
