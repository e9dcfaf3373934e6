import { type EtsFit, fitEts } from './ets-fit.ts';
import { type EtsSpec, listEtsCandidates } from './ets-spec.ts';

/** Fits every candidate ETS structure and returns the one with the lowest AICc (null if none fits). */
export function selectEtsByAicc(
  y: readonly number[],
  period: number,
  candidates?: readonly EtsSpec[],
): EtsFit | null {
  const positive = y.every((v) => Number.isNaN(v) || v > 0);
  const specs = candidates ?? listEtsCandidates(period, y.length, positive);
  let best: EtsFit | null = null;
  for (const spec of specs) {
    const fit = fitEts(y, spec);
    if (fit === null || !Number.isFinite(fit.aicc)) continue;
    if (best === null || fit.aicc < best.aicc) best = fit;
  }
  return best;
}
