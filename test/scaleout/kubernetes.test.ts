/**
 * deploy/kubernetes/: the manifests validate against the Kubernetes schema
 * (kubernetes-models, offline), every field name is one the schema knows (the
 * validator does not reject unknown fields, so misspellings are checked here),
 * and the Indexed Job's own container command, run once per index with
 * JOB_COMPLETION_INDEX set, followed by the merge Job's command, gives the same
 * summary as a single run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runScenario } from '../../src/engine/run.js';
import { runInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/repo.js';
import { summaryWithoutExecution } from '../stress/helpers.js';

const DIR = path.join(REPO_ROOT, 'deploy/kubernetes');
const load = (file: string): Record<string, unknown>[] =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
const [partsJob] = load('parts-job.yaml') as unknown as [JobObject];
const [mergeJob] = load('merge-job.yaml') as unknown as [JobObject];
const [volume] = load('volume.yaml');

interface ContainerObject {
  name: string;
  command: string[];
  args: string[];
  env: { name: string; value: string }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface JobObject {
  spec: {
    completionMode?: string;
    completions: number;
    parallelism?: number;
    backoffLimitPerIndex?: number;
    podFailurePolicy: { rules: { action: string; onExitCodes?: { containerName: string; operator: string; values: number[] }; onPodConditions?: { type: string }[] }[] };
    template: { spec: { restartPolicy: string; containers: ContainerObject[]; volumes: { name: string; persistentVolumeClaim: { claimName: string } }[] } };
  };
}

// ---- field names, per object type, from the validators kubernetes-models ships ----
// The packages export these for `import` only, so they are located with import.meta.resolve.
const schemaDir = path.dirname(fileURLToPath(import.meta.resolve('kubernetes-models/_schemas/IoK8sApiBatchV1Job')));
const metaDir = path.dirname(fileURLToPath(import.meta.resolve('@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta')));
function knownFields(schema: string): Set<string> {
  const file = schema.startsWith('IoK8sApimachinery') ? path.join(metaDir, `${schema}.js`) : path.join(schemaDir, `${schema}.js`);
  const text = readFileSync(file, 'utf8');
  return new Set([...text.matchAll(/data\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
}
const META = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';
/** Which schema each object of a manifest follows, by its path ([] for list items). */
const JOB_TYPES: Record<string, string> = {
  '': 'IoK8sApiBatchV1Job',
  metadata: META,
  spec: 'IoK8sApiBatchV1JobSpec',
  'spec.podFailurePolicy': 'IoK8sApiBatchV1PodFailurePolicy',
  'spec.podFailurePolicy.rules[]': 'IoK8sApiBatchV1PodFailurePolicyRule',
  'spec.podFailurePolicy.rules[].onExitCodes': 'IoK8sApiBatchV1PodFailurePolicyOnExitCodesRequirement',
  'spec.podFailurePolicy.rules[].onPodConditions[]': 'IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern',
  'spec.template': 'IoK8sApiCoreV1PodTemplateSpec',
  'spec.template.metadata': META,
  'spec.template.spec': 'IoK8sApiCoreV1PodSpec',
  'spec.template.spec.containers[]': 'IoK8sApiCoreV1Container',
  'spec.template.spec.containers[].env[]': 'IoK8sApiCoreV1EnvVar',
  'spec.template.spec.containers[].resources': 'IoK8sApiCoreV1ResourceRequirements',
  'spec.template.spec.containers[].volumeMounts[]': 'IoK8sApiCoreV1VolumeMount',
  'spec.template.spec.volumes[]': 'IoK8sApiCoreV1Volume',
  'spec.template.spec.volumes[].persistentVolumeClaim': 'IoK8sApiCoreV1PersistentVolumeClaimVolumeSource',
};
const PVC_TYPES: Record<string, string> = {
  '': 'IoK8sApiCoreV1PersistentVolumeClaim',
  metadata: META,
  spec: 'IoK8sApiCoreV1PersistentVolumeClaimSpec',
  'spec.resources': 'IoK8sApiCoreV1VolumeResourceRequirements',
};
/** Maps whose keys are the user's (labels) or quantities by resource name. */
const FREE_FORM = /(^|\.)(labels|annotations|requests|limits)$/;

/** Every field name that its object's schema does not know, as path.field. */
function unknownFields(value: unknown, types: Record<string, string>, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => unknownFields(v, types, `${at}[]`));
  if (typeof value !== 'object' || value === null || FREE_FORM.test(at)) return [];
  const schema = types[at];
  if (!schema) return [`${at || '(root)'}: no schema mapped for this object (add it to the test's table)`];
  const known = knownFields(schema);
  return Object.entries(value).flatMap(([k, v]) => [
    ...(known.has(k) ? [] : [`${at ? `${at}.` : ''}${k}`]),
    ...unknownFields(v, types, at ? `${at}.${k}` : k),
  ]);
}

describe('deploy/kubernetes manifests', () => {
  it('validate against the Kubernetes schema', () => {
    expect(() => new Job(partsJob as never).validate()).not.toThrow();
    expect(() => new Job(mergeJob as never).validate()).not.toThrow();
    expect(() => new PersistentVolumeClaim(volume as never).validate()).not.toThrow();
  });

  it('the schema check can fail: a wrong enum value and a non-integer are rejected', () => {
    const bad = structuredClone(partsJob);
    bad.spec.completionMode = 'Indexd';
    expect(() => new Job(bad as never).validate()).toThrow();
    const worse = structuredClone(partsJob) as unknown as { spec: { backoffLimitPerIndex: unknown } };
    worse.spec.backoffLimitPerIndex = 'two';
    expect(() => new Job(worse as never).validate()).toThrow();
  });

  it('use only field names the schema knows (and the check catches a misspelling)', () => {
    expect(unknownFields(partsJob, JOB_TYPES)).toEqual([]);
    expect(unknownFields(mergeJob, JOB_TYPES)).toEqual([]);
    expect(unknownFields(volume, PVC_TYPES)).toEqual([]);
    const typo = structuredClone(partsJob) as unknown as { spec: Record<string, unknown> };
    typo.spec['backofLimitPerIndex'] = 2;
    expect(unknownFields(typo, JOB_TYPES)).toEqual(['spec.backofLimitPerIndex']);
  });

  it('the parts Job is Indexed, retries per index, fails an index on exit 2, ignores disruptions, and shares a ReadWriteMany volume', () => {
    const s = partsJob.spec;
    expect(s.completionMode).toBe('Indexed');
    expect(s.parallelism).toBeGreaterThan(0);
    expect(s.backoffLimitPerIndex).toBeGreaterThan(0);
    expect(s.template.spec.restartPolicy).toBe('Never');
    expect(s.podFailurePolicy.rules).toContainEqual(expect.objectContaining({ action: 'FailIndex', onExitCodes: expect.objectContaining({ operator: 'In', values: [2] }) }));
    expect(s.podFailurePolicy.rules).toContainEqual(expect.objectContaining({ action: 'Ignore', onPodConditions: [expect.objectContaining({ type: 'DisruptionTarget' })] }));
    const env = Object.fromEntries(s.template.spec.containers[0]!.env.map((e) => [e.name, e.value]));
    expect(Number(env['PARTS']), 'PARTS must equal completions').toBe(s.completions);
    expect((volume as { spec: { accessModes: string[] } }).spec.accessModes).toEqual(['ReadWriteMany']);
    for (const job of [partsJob, mergeJob]) {
      expect(job.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe((volume as { metadata: { name: string } }).metadata.name);
      const mergeEnv = Object.fromEntries(job.spec.template.spec.containers[0]!.env.map((e) => [e.name, e.value]));
      expect(mergeEnv['OUT'], 'both Jobs use the same run folder').toBe(env['OUT']);
    }
  });
});

describe('the manifests’ own commands, run per index against one folder', () => {
  let tmp: string;
  beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), 'limitlab-k8s-'))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** The container's command line as Kubernetes runs it: $(VAR) replaced from the container's env, with `overrides` in place of some values. */
  function commandLine(job: JobObject, overrides: Record<string, string>): string[] {
    const c = job.spec.template.spec.containers[0]!;
    const env: Record<string, string> = { ...Object.fromEntries(c.env.map((e) => [e.name, e.value])), ...overrides };
    const line = [...c.command, ...c.args].map((a) => a.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string) => env[name] ?? m));
    expect(line[0]).toBe('limitlab');
    return line.slice(1);
  }

  it('JOB_COMPLETION_INDEX=0…N−1 then the merge equal a single run, byte for byte outside manifest.execution', async () => {
    // Small sizes and local paths through the manifest's own env knobs; the command line is the manifest's.
    const local = { SCENARIO: path.join(REPO_ROOT, 'scenarios/baseline.yaml'), OUT: path.join(tmp, 'run'), PATHS: '4', BORROWERS: '400' };
    const n = partsJob.spec.completions;
    for (let i = 0; i < n; i++) {
      const r = await runInProcess(commandLine(partsJob, local), { cwd: tmp, engine: runScenario, env: { JOB_COMPLETION_INDEX: String(i) } });
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await runInProcess(commandLine(mergeJob, local), { cwd: tmp, engine: runScenario });
    expect(merged.code, merged.stderr).toBe(0);
    const single = await runInProcess(['run', local.SCENARIO, '--paths', '4', '--borrowers', '400', '--quiet', '--out', path.join(tmp, 'single')], { cwd: tmp, engine: runScenario });
    expect(single.code).toBe(0);
    expect(summaryWithoutExecution(path.join(tmp, 'run', 'summary.json'))).toBe(summaryWithoutExecution(path.join(tmp, 'single', 'summary.json')));
  });
});
