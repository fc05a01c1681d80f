/**
 * A screen in front of the miss decision (policies/credit.ts) that settles the
 * common case — a current borrower who surely does not miss — with a table look-up
 * and a few multiplications instead of the hazard's exp, the probability's expm1
 * and two normal quantiles. It only ever answers "surely no miss"; everything else
 * goes to `missesFromUniform`, so the decision is the exact one for every input.
 *
 * Why it is exact: the period's miss probability q = 1 − e^{−λP/365} ≤ λP/365, and
 * λ = rate·e^{−slope·(score − ref)/100}·(1 + utilSlope·util) is bounded above by
 * taking the exp's larger value over the score's whole unit cell (a table). A
 * relative margin of 1e-9 covers every rounding on the way (each ~1e-16). With qU
 * ≥ q, Φ⁻¹(q) ≤ normalQuantileUpperBound(qU), and the latent variable is at least
 * sqrt(ρ)·X + sqrt(1−ρ)·normalQuantileLowerBound(u) (rounding is monotone).
 */
import { normalQuantileLowerBound, normalQuantileUpperBound } from '../../stats/normalBounds.js';
import type { MissParams } from './credit.js';

const MARGIN = 1 + 1e-9;
/** Score ranges wider than this many points get no table: the screen then never answers. */
const MAX_CELLS = 100_000;

export class MissScreen {
  private readonly lo: number;
  /** expUpper[k] ≥ e^{−slope·(s − ref)/100} for every score s in [lo + k, lo + k + 1] */
  private readonly expUpper: Float64Array;
  /** rate · P/365 · MARGIN */
  private readonly scale: number;
  private readonly utilSlope: number;

  constructor(p: MissParams, scoreMin: number, scoreMax: number, periodDays: number) {
    this.lo = scoreMin;
    this.utilSlope = p.utilSlope;
    this.scale = ((p.annualMissRateAtRef * periodDays) / 365) * MARGIN;
    const cells = Math.ceil(scoreMax - scoreMin) + 1;
    const ok = p.annualMissRateAtRef >= 0 && cells >= 1 && cells <= MAX_CELLS && Number.isFinite(this.scale);
    this.expUpper = new Float64Array(ok ? cells : 0);
    for (let k = 0; k < this.expUpper.length; k++) {
      const left = Math.exp((-p.scoreSlope * (scoreMin + k - p.refScore)) / 100);
      const right = Math.exp((-p.scoreSlope * (scoreMin + k + 1 - p.refScore)) / 100);
      this.expUpper[k] = (left > right ? left : right) * MARGIN;
    }
  }

  /**
   * True only if a current borrower at this score and utilisation surely does not
   * miss (`missesFromUniform` would say false); false means "not settled here".
   * `u` is the miss uniform, already in (0, 1).
   */
  surelyNoMiss(score: number, utilisation: number, sqrtRho: number, sqrtOneMinusRho: number, x: number, u: number): boolean {
    const k = Math.floor(score - this.lo);
    if (!(k >= 0 && k < this.expUpper.length)) return false;
    const factor = 1 + this.utilSlope * utilisation;
    if (!(factor >= 0)) return false;
    const qUpper = this.scale * this.expUpper[k]! * factor;
    if (!(qUpper < 1)) return false;
    return sqrtRho * x + sqrtOneMinusRho * normalQuantileLowerBound(u) >= normalQuantileUpperBound(qUpper);
  }
}
