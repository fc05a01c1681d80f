import { describe, expect, it } from 'vitest';
import { safeFolderName } from '../../src/util/safe-name.js';

describe('safeFolderName', () => {
  it.each([
    ['baseline', 'baseline'],
    ['Stress: 2008/09 (severe)', 'Stress-2008-09-severe'],
    ['../../etc', 'etc'],
    ['..', 'scenario'],
    ['', 'scenario'],
    ['.hidden', 'hidden'],
    ['policy_v2.1', 'policy_v2.1'],
    ['借呗 baseline', 'baseline'],
    ['Café', 'Cafe'],
  ])('%j → %j', (name, folder) => {
    expect(safeFolderName(name)).toBe(folder);
  });
});
