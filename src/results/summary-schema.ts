/**
 * The one definition of summary.json (schema version 1): the TypeScript types
 * (./types.ts), the check `limitlab report` runs on what it reads and the
 * published JSON Schema (`limitlab schema --summary`) all come from here, and
 * docs/summary.md's field table is generated from the descriptions below.
 *
 * The headline figures are not listed here: they come from the figure
 * registry (./registry.ts), so a new figure is one registry entry. Each is
 * optional when reading, so a summary from an earlier version (without a
 * figure added since) still validates, and figures a later version adds are
 * accepted as Stats too; limitlab itself always writes every registry figure.
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.js';
import { isPlainObject } from '../util/plain-object.js';
import { FIGURES, PATH_FIGURES, SEGMENT_FIGURES, type FigureName } from './registry.js';
import { FREEZE_CAUSES, REQUEST_OUTCOMES, RESTRICTION_CAUSES } from './types.js';

export const SUMMARY_SCHEMA_VERSION = 1;

const nullableNumber = z.number().nullable();

export const statSchema = z
  .object({
    mean: nullableNumber.describe('mean across paths (for a tail figure: its value)'),
    se: nullableNumber.describe('standard error of the mean: sd across paths / √n'),
    ci95: z.tuple([z.number(), z.number()]).nullable().describe('95% interval of the mean, mean ± 1.96·se'),
    p05: nullableNumber.describe('5th percentile across paths'),
    p50: nullableNumber.describe('median across paths'),
    p95: nullableNumber.describe('95th percentile across paths'),
    n: z.number().int().min(0).describe('paths that gave a value (a ratio over zero in a path gives none)'),
    tail: z.literal(true).optional().describe('present on tail figures (VaR, ES): a statistic across paths (its interval: docs/tail-risk.md)'),
    beyond: z.number().int().min(0).optional().describe('tail figures: paths at or beyond the VaR of the level'),
    unreliable: z.literal(true).optional().describe('tail figures: fewer than 10 paths at or beyond the VaR; the value is noise'),
    rough: z.literal(true).optional().describe('fewer than 30 paths: the interval uses Student-t quantiles and is rough'),
    reason: z.string().optional().describe('why a value is null, or why there is no interval'),
  })
  .describe('A figure across paths. A value that cannot be computed is null and reason says why; never NaN.');

export const estimationSchema = z
  .object({
    method: z.enum(['plain', 'importance sampling']).describe('plain Monte Carlo, or importance sampling of the economy'),
    shift: z.number().describe('mean of every Z_t under the sampling law (0 for plain Monte Carlo)'),
    effectiveSampleSize: z.number().min(0).describe("Kish's effective sample size (Σw)²/Σw²; the path count for plain Monte Carlo"),
    meanWeight: z.number().describe("mean of the paths' weights: 1 in expectation"),
    intervals: z
      .object({ mean: z.string(), var: z.string(), es: z.string() })
      .describe('how each kind of interval was found, in words'),
  })
  .describe('How the figures were estimated (docs/tail-risk.md).');

export const bandSchema = z
  .object({
    mean: z.array(nullableNumber).describe('mean across paths, one entry per step'),
    p05: z.array(nullableNumber).describe('5th percentile across paths, per step'),
    p95: z.array(nullableNumber).describe('95th percentile across paths, per step'),
  })
  .describe('A per-step series across paths.');

/** An object with exactly these keys, each of one schema (zod's record over an enum, as a plain object). */
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S, what: string) {
  return z.object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>).describe(what);
}

/** A registry figure's description: its label, unit and horizon. */
function figureDescription(name: FigureName): string {
  const f = FIGURES[name];
  const unit = f.unit === '%' ? 'a share (0.05 = 5%)' : f.unit;
  return `${f.label} — ${unit}; ${f.horizon === 'annualised' ? 'annualised' : 'over the run\'s horizon'}; ${f.kind}.`;
}

function figureMap<V extends z.ZodType>(names: readonly FigureName[], value: V, what: string) {
  const shape = Object.fromEntries(names.map((n) => [n, value.optional().describe(figureDescription(n))])) as Record<
    FigureName,
    z.ZodOptional<V>
  >;
  return z.object(shape).catchall(value).describe(what);
}

export const manifestSchema = z
  .object({
    tool: z.literal('limitlab').describe('always "limitlab"'),
    version: z.string().describe('limitlab version that wrote the summary'),
    node: z.string().describe('Node.js version'),
    packages: z.record(z.string(), z.string()).describe('versions of the packages that affect the numbers'),
    // Checked as a mapping with a name: results/ sits below scenario/ and imports only its types.
    // `limitlab validate` checks a scenario in full; the schema is `limitlab schema --resolved`.
    scenario: z
      .custom<Scenario>((v) => isPlainObject(v) && typeof v['name'] === 'string', {
        message: 'expected the resolved scenario: a mapping with a name',
      })
      .describe('the resolved scenario that ran (every field, after extends and --set; limitlab schema --resolved)'),
    scenarioHash: z.string().describe('hash of the resolved scenario; equal hashes, equal results'),
    seed: z.number().int().min(0).describe('the scenario\'s seed'),
    paths: z.number().int().min(1).describe('paths simulated'),
    borrowersPerPath: z.number().int().min(1).describe('borrowers on each path'),
    shardSize: z.number().int().min(1).describe('borrowers per unit of work (does not change the draws)'),
    shards: z.number().int().min(1).describe('shards per path'),
    steps: z.number().int().min(1).describe('steps simulated'),
    stepDays: z.number().int().min(1).describe('days per step'),
    horizonDays: z.number().int().min(1).describe('whole steps: steps × stepDays'),
    uniformsPerBorrowerStep: z.number().int().min(1).describe('uniforms each borrower draws per step, whatever happens'),
    execution: z
      .object({
        elapsedSeconds: z.number().min(0).describe('wall-clock time of the run'),
        workers: z.number().int().min(0).describe('worker threads used (0: in process)'),
        date: z.string().describe('ISO 8601 time the run finished'),
        host: z.string().describe('host name of the machine'),
        parts: z
          .object({
            count: z.number().int().min(1).describe('parts merged'),
            hosts: z.array(z.string()).describe('hosts the parts ran on, where known'),
            partSeconds: z.number().min(0).describe('summed wall-clock time of the parts'),
          })
          .optional()
          .describe('a run merged from parts (limitlab merge; docs/scale-out.md)'),
      })
      .describe('the only part that may differ between identical runs'),
  })
  .describe('What ran, on what, with which settings.');

const stat = statSchema;

export const summarySchema = z
  .object({
    schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION).describe('version of this format; changes only with a CHANGELOG entry'),
    manifest: manifestSchema,
    headline: figureMap([...Object.keys(FIGURES)] as FigureName[], stat, 'Every headline figure (docs/model.md, "What is counted") across paths, by name.'),
    perPath: figureMap(PATH_FIGURES, z.array(nullableNumber), 'Per-path values of every headline figure but the tail figures, in path order (null where a path gives none).'),
    byCause: z
      .object({
        freezeEventsPer1000AccountMonths: keyed(FREEZE_CAUSES, stat, 'freeze events per 1000 account-months, by cause'),
        meanFreezeDays: keyed(FREEZE_CAUSES, stat, 'mean length in days of freezes that ended within the horizon, by the cause of their event'),
        endedShare: keyed(FREEZE_CAUSES, stat, 'share of freeze events whose freeze ended within the horizon, by cause'),
        goodFreezeEventsPer1000AccountMonths: keyed(FREEZE_CAUSES, stat, 'model v2: freeze events on good accounts per 1000 account-months, by cause'),
        badFreezeEventsPer1000AccountMonths: keyed(FREEZE_CAUSES, stat, 'model v2: freeze events on bad accounts per 1000 account-months, by cause'),
        freezePrecision: keyed(FREEZE_CAUSES, stat, 'model v2: share of freeze events on bad accounts, by cause'),
      })
      .describe('Freeze figures by cause, most severe cause first.'),
    freezeEventsPerBorrower: z
      .array(z.object({ bucket: z.string().describe('"0", "1", "2", "3" or "4+" events'), share: stat.describe('share of borrowers with that many freeze events') }))
      .describe('share of borrowers with 0, 1, 2, 3 and 4+ freeze events'),
    requests: z
      .object({
        perAccountYear: stat.describe('requests per open account-year (= headline.requestsPerAccountYear)'),
        count: stat.describe('requests per path'),
        outcomes: keyed(
          REQUEST_OUTCOMES,
          z.object({ count: stat.describe('requests per path with this outcome'), share: stat.describe('share of requests (= headline.<outcome>Share)') }),
          'requests by outcome',
        ),
        preIncreaseRestriction: stat.describe('share of requests restricted in the 30 days before (= headline.preIncreaseRestriction)'),
        preIncreaseRestrictionByCause: keyed(RESTRICTION_CAUSES, stat, 'share of requests restricted in the 30 days before, by cause of the restriction'),
      })
      .describe('Limit-increase requests.'),
    reviews: z
      .object({ raisesPerAccount: stat.describe('review raises / borrowers at start'), cutsPerAccount: stat.describe('review cuts / borrowers at start') })
      .describe('periodic review raises and cuts per borrower at start'),
    segments: z
      .array(
        z.object({
          name: z.string().describe('the segment\'s name in the scenario'),
          borrowers: z.number().int().min(0).describe('borrowers per path in the segment'),
          headline: figureMap(SEGMENT_FIGURES, stat, 'the segment figures, each from the same formula as the portfolio figure.'),
        }),
      )
      .describe('Per-segment figures, in the scenario\'s segment order.'),
    timeSeries: z
      .object({
        day: z.array(z.number()).describe('day at the end of each step'),
        open: bandSchema.describe('open accounts'),
        frozen: keyed(FREEZE_CAUSES, bandSchema, 'accounts frozen at the step\'s end, by their most severe active cause'),
        frozenTotal: bandSchema.describe('accounts frozen at the step\'s end'),
        newFreezeEvents: keyed(FREEZE_CAUSES, bandSchema, 'freeze events within the step, by cause'),
        newHolds: bandSchema.describe('verification holds within the step'),
        newDefaults: bandSchema.describe('defaults within the step'),
        cumulativeDefaultRate: bandSchema.describe('defaults so far / borrowers at start'),
        exposure: bandSchema.describe('balance of every account not defaulted'),
        meanLimit: bandSchema.describe('mean limit of open accounts'),
        utilisation: bandSchema.describe('total balance / total limit of open accounts'),
        distressed: bandSchema.describe('model v2: distressed open accounts at the step\'s end'),
        bustOutOnsets: bandSchema.describe('model v2: bust-out onsets within the step'),
        takeovers: bandSchema.describe('model v2: account takeovers started within the step'),
      })
      .describe('Per-step series: the mean and 5–95% band across paths.'),
    lossDistribution: z
      .object({
        binStart: z.array(z.number()).describe('each bin\'s lower edge (loss rate)'),
        binEnd: z.array(z.number()).describe('each bin\'s upper edge'),
        count: z.array(z.number().int().min(0)).describe('paths in each bin'),
        probability: z.array(z.number().min(0)).optional().describe('importance sampling: the weighted probability of each bin'),
      })
      .describe('histogram of the per-path loss rate (the loss-distribution chart)'),
    conservation: z
      .object({
        maxRelativeError: z.number().min(0).describe('largest relative imbalance over paths of money in = money out; ~1e-14'),
      })
      .describe('the money check: balance at start + drawn + capitalised interest = repaid + written off (defaults, takeover write-offs) + outstanding'),
    estimation: estimationSchema.optional(),
  })
  .describe('The result of one limitlab run.');

export type SummaryValue = z.infer<typeof summarySchema>;

/** The published JSON Schema of summary.json. */
export function summaryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(summarySchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // the custom scenario check, as JSON Schema: a mapping with a name
      if ((zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'custom') {
        Object.assign(jsonSchema, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
      }
    },
  }) as Record<string, unknown>;
  return { ...generated, title: 'limitlab summary.json' };
}

/** Why `value` is not a summary.json of this version, naming the field, or null when it is. */
export function summaryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}`;
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SUMMARY_SCHEMA_VERSION) {
    return `expected schemaVersion ${SUMMARY_SCHEMA_VERSION}, found ${JSON.stringify(version) ?? 'none'}`;
  }
  const r = summarySchema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return field === '' ? issue.message : `field ${field}: ${issue.message}`;
}
