/**
 * What the benchmark runs: the headline scenario (bench.yaml as it stands) and
 * the growth series, each a `--set` override list on bench.yaml; `quick` shrinks
 * everything to a smoke test for CI that judges nothing.
 */
export interface GrowthSeries {
  borrowers: string[][];
  paths: string[][];
  steps: string[][];
}

export interface BenchPlan {
  quick: boolean;
  /** timed repetitions of each headline figure, after one warm-up */
  repetitions: number;
  growthRepetitions: number;
  startupRepetitions: number;
  headline: string[];
  growth: GrowthSeries;
}

/** One series: a base override list with one field set to each of `values`. */
function series(base: string[], field: string, values: number[]): string[][] {
  return values.map((v) => [...base.filter((o) => !o.startsWith(`${field}=`)), `${field}=${v}`]);
}

function growth(base: string[], borrowers: number[], paths: number[], horizons: number[]): GrowthSeries {
  return {
    borrowers: series(base, 'run.borrowersPerPath', borrowers),
    paths: series(base, 'run.paths', paths),
    steps: series(base, 'clock.horizonDays', horizons),
  };
}

export function benchPlan(quick: boolean): BenchPlan {
  if (quick) {
    const base = ['run.paths=2', 'run.borrowersPerPath=500', 'run.shardSize=250', 'clock.horizonDays=180'];
    return {
      quick,
      repetitions: 1,
      growthRepetitions: 1,
      startupRepetitions: 1,
      headline: base,
      growth: growth(base, [250, 500, 1000], [1, 2, 4], [90, 180, 360]),
    };
  }
  // Each series spans a factor of 16 (steps: 4) around 8 paths × 5000 borrowers × 24 steps,
  // wide enough that a slope stands out of the noise of a shared machine; shards of 2500.
  const base = ['run.paths=8', 'run.borrowersPerPath=5000'];
  return {
    quick,
    repetitions: 3,
    growthRepetitions: 3,
    startupRepetitions: 5,
    headline: [],
    growth: {
      borrowers: series(['run.paths=4'], 'run.borrowersPerPath', [2500, 10000, 40000]),
      paths: series(['run.borrowersPerPath=5000'], 'run.paths', [2, 8, 32]),
      steps: series(base, 'clock.horizonDays', [360, 720, 1440]),
    },
  };
}
