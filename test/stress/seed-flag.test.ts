/** `limitlab stress --seed N`: every scenario of the suite runs on that seed, so a verdict can be checked on another. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveSuite } from '../../src/stress/resolve-suite.js';
import { REPO_ROOT } from '../helpers/repo.js';

const SUITE = path.join(REPO_ROOT, 'scenarios/stress/suite.yaml');

describe('stress --seed', () => {
  it('overrides the seed of every scenario, next to --paths and --borrowers', async () => {
    const plain = await resolveSuite(SUITE, {}, REPO_ROOT);
    const other = await resolveSuite(SUITE, { seed: '7', paths: '40', borrowers: '500' }, REPO_ROOT);
    expect(plain.members.every((m) => m.scenario.seed !== 7)).toBe(true);
    expect(other.members.map((m) => [m.scenario.seed, m.scenario.run.paths, m.scenario.run.borrowersPerPath])).toEqual(
      other.members.map(() => [7, 40, 500]),
    );
    expect(other.members.map((m) => m.hash)).not.toEqual(plain.members.map((m) => m.hash));
  });

  it('refuses a seed that is not an integer, naming the flag', async () => {
    await expect(resolveSuite(SUITE, { seed: 'soon' }, REPO_ROOT)).rejects.toThrow(/--seed soon/);
  });
});
