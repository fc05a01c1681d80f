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
  const wishes = env.ctx.request.enabled;
  const b = cur.b;
  let first = true;
  for (;;) {
    // ties: the owner's notice, then the onset, the takeover, the wish
    const notice = st.takenOver ? st.noticeDay : Infinity;
    const onsetAt = st.hidden === Hidden.Sleeper ? st.onsetDay : Infinity;
    const takeover = st.nextTakeover;
    const wish = wishes ? st.nextArrival : Infinity;
    const next = Math.min(notice, onsetAt, takeover, wish);
    if (!(next < b)) return;
    if (first) {
      snapshotIntervals(env, st, cur);
      first = false;
    }
    if (notice === next) endTakeover(env, st, cur, notice, false);
    else if (onsetAt === next) onset(env, st, cur, onsetAt);
    else if (takeover === next) takeoverArrival(env, st, cur, takeover);
    else wishArrival(env, st, cur);
  }
}
