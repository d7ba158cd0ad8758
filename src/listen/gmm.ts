/**
 * A Gaussian mixture with diagonal covariances: fit by EM, scored frame by frame. Pure numbers, so a voice model can be
 * kept as JSON (its weights, means and variances, never the frames it was fit on).
 */
export interface Gmm {
  readonly weights: readonly number[];
  readonly means: readonly (readonly number[])[];
  readonly variances: readonly (readonly number[])[];
}

/** Frames as rows: a flat array of `count` rows of `dims` numbers. */
export interface Frames {
  readonly data: Float64Array;
  readonly count: number;
  readonly dims: number;
}

export interface FitOptions {
  readonly components: number;
  readonly iterations?: number;
  readonly seed?: number;
  /** Start from these means (a model fit earlier): a few iterations then follow a drifting voice cheaply. */
  readonly start?: Gmm;
}

const VARIANCE_FLOOR_SHARE = 0.01;
const LOG_2PI = Math.log(2 * Math.PI);

export function framesOf(rows: readonly (readonly number[])[]): Frames {
  const dims = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * dims);
  rows.forEach((row, i) => data.set(row, i * dims));
  return { data, count: rows.length, dims };
}

/** The precomputed form used for scoring: inverse variances and each component's log constant. */
export interface ScoringGmm {
  readonly k: number;
  readonly dims: number;
  readonly means: Float64Array;
  readonly precisions: Float64Array;
  readonly logConstants: Float64Array;
}

export function scoringForm(g: Gmm): ScoringGmm {
  const k = g.weights.length;
  const dims = g.means[0]?.length ?? 0;
  const means = new Float64Array(k * dims);
  const precisions = new Float64Array(k * dims);
  const logConstants = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let logDet = 0;
    for (let d = 0; d < dims; d++) {
      const v = g.variances[c]![d]!;
      means[c * dims + d] = g.means[c]![d]!;
      precisions[c * dims + d] = 1 / v;
      logDet += Math.log(v);
    }
    logConstants[c] = Math.log(g.weights[c]!) - 0.5 * (dims * LOG_2PI + logDet);
  }
  return { k, dims, means, precisions, logConstants };
}

/** Each component's log of weight × density for one frame, into `out`; returns their log-sum. */
function componentLogs(s: ScoringGmm, x: ArrayLike<number>, offset: number, out: Float64Array): number {
  let max = -Infinity;
  for (let c = 0; c < s.k; c++) {
    let q = 0;
    const base = c * s.dims;
    for (let d = 0; d < s.dims; d++) {
      const diff = x[offset + d]! - s.means[base + d]!;
      q += diff * diff * s.precisions[base + d]!;
    }
    const l = s.logConstants[c]! - 0.5 * q;
    out[c] = l;
    if (l > max) max = l;
  }
  let sum = 0;
  for (let c = 0; c < s.k; c++) sum += Math.exp(out[c]! - max);
  return max + Math.log(sum);
}

/** The log-likelihood of one frame (its numbers from `offset`). */
export function frameLogLikelihood(s: ScoringGmm, x: ArrayLike<number>, offset = 0): number {
  return componentLogs(s, x, offset, new Float64Array(s.k));
}

export function meanLogLikelihood(g: Gmm | ScoringGmm, frames: Frames): number {
  const s = 'logConstants' in g ? g : scoringForm(g);
  const scratch = new Float64Array(s.k);
  let total = 0;
  for (let i = 0; i < frames.count; i++) total += componentLogs(s, frames.data, i * frames.dims, scratch);
  return frames.count === 0 ? -Infinity : total / frames.count;
}

/** A small deterministic generator, so a fit is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function squaredDistance(f: Frames, i: number, centre: Float64Array): number {
  let q = 0;
  for (let d = 0; d < f.dims; d++) {
    const diff = f.data[i * f.dims + d]! - centre[d]!;
    q += diff * diff;
  }
  return q;
}

/** k-means++ seeding: each next centre drawn far from those chosen. */
function seedMeans(f: Frames, k: number, random: () => number): Float64Array[] {
  const row = (i: number) => f.data.slice(i * f.dims, (i + 1) * f.dims);
  const centres = [row(Math.floor(random() * f.count))];
  const nearest = new Float64Array(f.count).fill(Infinity);
  while (centres.length < k) {
    let total = 0;
    const last = centres[centres.length - 1]!;
    for (let i = 0; i < f.count; i++) {
      nearest[i] = Math.min(nearest[i]!, squaredDistance(f, i, last));
      total += nearest[i]!;
    }
    let pick = random() * total;
    let chosen = f.count - 1;
    for (let i = 0; i < f.count; i++) {
      pick -= nearest[i]!;
      if (pick <= 0) { chosen = i; break; }
    }
    centres.push(row(chosen));
  }
  return centres;
}

function overallVariance(f: Frames): number[] {
  const mean = new Array<number>(f.dims).fill(0);
  const square = new Array<number>(f.dims).fill(0);
  for (let i = 0; i < f.count; i++) {
    for (let d = 0; d < f.dims; d++) {
      const v = f.data[i * f.dims + d]!;
      mean[d]! += v;
      square[d]! += v * v;
    }
  }
  return mean.map((m, d) => Math.max(square[d]! / f.count - (m / f.count) ** 2, 1e-6));
}

function initialModel(f: Frames, o: FitOptions): Gmm {
  if (o.start && o.start.weights.length === o.components) return o.start;
  const spread = overallVariance(f);
  const means = seedMeans(f, o.components, seededRandom(o.seed ?? 1)).map((m) => Array.from(m));
  return {
    weights: means.map(() => 1 / o.components),
    means,
    variances: means.map(() => [...spread]),
  };
}

/** Fits a mixture to the frames by expectation-maximisation, with a variance floor so no component collapses. */
export function fitGmm(f: Frames, o: FitOptions): Gmm {
  if (f.count < o.components * 2) throw new Error(`too few frames (${f.count}) for ${o.components} components`);
  const floor = overallVariance(f).map((v) => v * VARIANCE_FLOOR_SHARE);
  let model = initialModel(f, o);
  const k = o.components;
  const resp = new Float64Array(k);
  for (let it = 0; it < (o.iterations ?? 20); it++) {
    const s = scoringForm(model);
    const n = new Float64Array(k);
    const sum = new Float64Array(k * f.dims);
    const square = new Float64Array(k * f.dims);
    for (let i = 0; i < f.count; i++) {
      const total = componentLogs(s, f.data, i * f.dims, resp);
      for (let c = 0; c < k; c++) {
        const r = Math.exp(resp[c]! - total);
        if (r < 1e-8) continue;
        n[c]! += r;
        for (let d = 0; d < f.dims; d++) {
          const v = f.data[i * f.dims + d]!;
          sum[c * f.dims + d]! += r * v;
          square[c * f.dims + d]! += r * v * v;
        }
      }
    }
    model = maximise(model, n, sum, square, f, floor);
  }
  return model;
}

function maximise(previous: Gmm, n: Float64Array, sum: Float64Array, square: Float64Array, f: Frames, floor: number[]): Gmm {
  const weights: number[] = [];
  const means: number[][] = [];
  const variances: number[][] = [];
  for (let c = 0; c < n.length; c++) {
    // A component that lost all its frames keeps its old place with a tiny weight rather than dividing by zero.
    if (n[c]! < 1e-3) {
      weights.push(1e-4);
      means.push([...previous.means[c]!]);
      variances.push([...previous.variances[c]!]);
      continue;
    }
    const mean = Array.from({ length: f.dims }, (_, d) => sum[c * f.dims + d]! / n[c]!);
    means.push(mean);
    variances.push(mean.map((m, d) => Math.max(square[c * f.dims + d]! / n[c]! - m * m, floor[d]!)));
    weights.push(n[c]! / f.count);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return { weights: weights.map((w) => w / total), means, variances };
}

/**
 * Moves a model's means towards new frames (MAP adaptation, Reynolds' relevance factor): a component that saw many
 * frames moves far, one that saw none stays where it was. Weights and variances are kept.
 */
export function adaptMeans(g: Gmm, f: Frames, relevance = 16): Gmm {
  const s = scoringForm(g);
  const k = g.weights.length;
  const resp = new Float64Array(k);
  const n = new Float64Array(k);
  const sum = new Float64Array(k * f.dims);
  for (let i = 0; i < f.count; i++) {
    const total = componentLogs(s, f.data, i * f.dims, resp);
    for (let c = 0; c < k; c++) {
      const r = Math.exp(resp[c]! - total);
      n[c]! += r;
      for (let d = 0; d < f.dims; d++) sum[c * f.dims + d]! += r * f.data[i * f.dims + d]!;
    }
  }
  const means = g.means.map((mean, c) => {
    const alpha = n[c]! / (n[c]! + relevance);
    return mean.map((m, d) => (n[c]! > 0 ? alpha * (sum[c * f.dims + d]! / n[c]!) + (1 - alpha) * m : m));
  });
  return { weights: g.weights, means, variances: g.variances };
}

/** Draws frames from a model, for tests and for checking which side a model is nearest. */
export function sampleGmm(g: Gmm, count: number, random: () => number): Frames {
  const dims = g.means[0]?.length ?? 0;
  const data = new Float64Array(count * dims);
  for (let i = 0; i < count; i++) {
    let pick = random();
    let c = 0;
    while (c < g.weights.length - 1 && (pick -= g.weights[c]!) > 0) c++;
    for (let d = 0; d < dims; d++) data[i * dims + d] = g.means[c]![d]! + Math.sqrt(g.variances[c]![d]!) * gaussian(random);
  }
  return { data, count, dims };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
