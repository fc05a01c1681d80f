/**
 * Step phase 3 with model v2: the events at their own times inside the step,
 * in time order — the owner noticing a takeover, a bust-out's onset, a takeover's
 * start, and the wish to ask for more credit. With v2 off only the wish exists,
 * and the phase is ./requests.ts's as it always was.
 */
import { type BorrowerState, Hidden } from '../borrower.js';
import { endTakeover, onset, takeoverArrival } from './fraud.js';
import { requestPhase, snapshotIntervals, wishArrival } from './requests.js';
import type { StepCursor, StepEnv } from './env.js';

export function inStepEventPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (env.ctx.hidden.anyOn !== true) {
    requestPhase(env, st, cur);
    return;
  }
  // (asked here and the events handled in a call: this phase runs every step and is
  // inlined into the driver, where V8's inlining budget is short; docs/performance.md)
  if (nextEventDay(env, st) < cur.b) inStepEvents(env, st, cur);
}

/** The day of the borrower's next in-step event (Infinity if none is pending). */
function nextEventDay(env: StepEnv, st: BorrowerState): number {
  const notice = st.takenOver === true ? st.noticeDay : Infinity;
  const onsetAt = st.hidden === Hidden.Sleeper ? st.onsetDay : Infinity;
  const wish = env.ctx.request.enabled === true ? st.nextArrival : Infinity;
  return Math.min(notice, onsetAt, st.nextTakeover, wish);
}

/** The step's events, in time order, while one is due before the step's end. */
function inStepEvents(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const wishes = env.ctx.request.enabled;
  const b = cur.b;
  snapshotIntervals(env, st, cur);
  for (;;) {
    // ties: the owner's notice, then the onset, the takeover, the wish
    const notice = st.takenOver ? st.noticeDay : Infinity;
    const onsetAt = st.hidden === Hidden.Sleeper ? st.onsetDay : Infinity;
    const takeover = st.nextTakeover;
    const wish = wishes ? st.nextArrival : Infinity;
    const next = Math.min(notice, onsetAt, takeover, wish);
    if (!(next < b)) return;
    if (notice === next) endTakeover(env, st, cur, notice, false);
    else if (onsetAt === next) onset(env, st, cur, onsetAt);
    else if (takeover === next) takeoverArrival(env, st, cur, takeover);
    else wishArrival(env, st, cur);
  }
}
