import { describe, expect, test } from 'vitest';
import { adaptMeans, fitGmm, meanLogLikelihood, sampleGmm, seededRandom, type Gmm } from '../../../src/listen/gmm.js';

const TRUE_MIXTURE: Gmm = {
  weights: [0.5, 0.3, 0.2],
  means: [[0, 0], [6, 1], [-4, 7]],
  variances: [[1, 0.5], [0.4, 2], [1.5, 1]],
};

function nearestComponent(g: Gmm, mean: readonly number[]): number {
  const distance = (m: readonly number[]) => m.reduce((s, v, d) => s + (v - mean[d]!) ** 2, 0);
  return g.means.map(distance).reduce((best, d, i, all) => (d < all[best]! ? i : best), 0);
}

describe('the Gaussian mixture', () => {
  test('recovers a known mixture: its weights, means and variances', () => {
    const frames = sampleGmm(TRUE_MIXTURE, 6000, seededRandom(5));
    const fit = fitGmm(frames, { components: 3, iterations: 40, seed: 2 });
    TRUE_MIXTURE.means.forEach((mean, c) => {
      const found = nearestComponent(fit, mean);
      fit.means[found]!.forEach((v, d) => expect(v).toBeCloseTo(mean[d]!, 0));
      fit.variances[found]!.forEach((v, d) => expect(v / TRUE_MIXTURE.variances[c]![d]!).toBeGreaterThan(0.8));
      fit.variances[found]!.forEach((v, d) => expect(v / TRUE_MIXTURE.variances[c]![d]!).toBeLessThan(1.25));
      expect(fit.weights[found]).toBeCloseTo(TRUE_MIXTURE.weights[c]!, 1);
    });
  });

  test('scores frames of its own mixture higher than frames of another', () => {
    const own = sampleGmm(TRUE_MIXTURE, 2000, seededRandom(8));
    const shifted: Gmm = { ...TRUE_MIXTURE, means: TRUE_MIXTURE.means.map((m) => m.map((v) => v + 3)) };
    const elsewhere = sampleGmm(shifted, 2000, seededRandom(9));
    const fit = fitGmm(sampleGmm(TRUE_MIXTURE, 4000, seededRandom(10)), { components: 3, seed: 1 });
    expect(meanLogLikelihood(fit, own)).toBeGreaterThan(meanLogLikelihood(fit, elsewhere) + 1);
  });

  test('is the same fit on every run (seeded), and refuses too few frames', () => {
    const frames = sampleGmm(TRUE_MIXTURE, 500, seededRandom(3));
    expect(fitGmm(frames, { components: 3, seed: 4 })).toEqual(fitGmm(frames, { components: 3, seed: 4 }));
    expect(() => fitGmm(sampleGmm(TRUE_MIXTURE, 5, seededRandom(1)), { components: 3 })).toThrow(/too few frames/);
  });

  test('adapting moves the means towards new frames, more with more frames, and keeps weights and variances', () => {
    const moved: Gmm = { ...TRUE_MIXTURE, means: TRUE_MIXTURE.means.map((m) => [m[0]! + 1, m[1]!]) };
    const few = adaptMeans(TRUE_MIXTURE, sampleGmm(moved, 30, seededRandom(6)));
    const many = adaptMeans(TRUE_MIXTURE, sampleGmm(moved, 3000, seededRandom(6)));
    const shift = (g: Gmm) => g.means[0]![0]! - TRUE_MIXTURE.means[0]![0]!;
    expect(shift(few)).toBeGreaterThan(0.1);
    expect(shift(many)).toBeGreaterThan(shift(few));
    expect(shift(many)).toBeCloseTo(1, 0);
    expect(many.weights).toEqual(TRUE_MIXTURE.weights);
    expect(many.variances).toEqual(TRUE_MIXTURE.variances);
  });
});
