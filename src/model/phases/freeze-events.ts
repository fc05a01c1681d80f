/**
 * The bookkeeping of freeze events, shared by every phase that freezes: an
 * unfrozen open account becoming frozen is one event (counted, its episode
 * started, closure checked); an episode that has ended is measured.
 */
import { type BorrowerState, episodeEnd, isBad, Status, Hidden } from '../borrower.js';
import { shouldClose, Cause } from '../policies/freeze.js';
import type { StepEnv } from './env.js';

/**
 * An unfrozen open account becomes frozen at `day` (in step `t`) for `cause`;
 * the event is labelled good or bad by the account's hidden state now. Returns
 * whether an event was counted (only an open account's).
 */
export function recordFreezeEvent(env: StepEnv, st: BorrowerState, cause: number, day: number, t: number): boolean {
  if (st.status !== Status.Open) return false;
  if (st.inEpisode === true) closeEpisodeIfEnded(env, st, day);
  const bad = isBad(st);
  env.tally.freezeEvent(t, cause, bad);
  if (!bad) st.goodFrozen = true;
  if (st.hidden === Hidden.Distressed && !st.missedInDistress && (cause === Cause.RiskModel || cause === Cause.Identity)) st.flaggedInDistress = true;
  st.freezeEvents += 1;
  st.inEpisode = true;
  st.episodeStart = day;
  st.episodeCause = cause;
  if (env.sc.freeze.closure.enabled) {
    st.recentEvents[st.recentPos] = day;
    st.recentPos = (st.recentPos + 1) % st.recentEvents.length;
    if (shouldClose(st.recentEvents, day, env.closureMax)) {
      st.status = Status.Closed;
      st.inEpisode = false;
      env.tally.closure();
    }
  }
  return true;
}

/** If the running freeze episode has ended by `now`, count its length and remember its end (churn). */
export function closeEpisodeIfEnded(env: StepEnv, st: BorrowerState, now: number): void {
  const end = episodeEnd(st, st.episodeStart);
  if (end <= now) {
    env.tally.freezeEnded(st.episodeCause, end - st.episodeStart);
    st.lastFreezeEnd = end;
    st.inEpisode = false;
  }
}
