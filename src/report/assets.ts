/**
 * The JavaScript a report page inlines, read from node_modules so a report opens
 * offline. Charts are compiled from Vega-Lite to Vega in Node (see `vega.ts`), so
 * the page needs only vega and vega-embed (vega-embed runs without vega-lite in
 * `mode: 'vega'`); that saves ~250 KB a report.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A UMD build that defines a global when run as a classic script. */
export interface InlineScript {
  name: string;
  source: string;
}

/**
 * The folder of an installed package. Package `exports` hide `build/`, so resolve
 * the entry and walk up to the folder holding the package's package.json.
 */
export function packageDir(pkg: string): string {
  // createRequire rather than import.meta.resolve: it also works under test runners
  // that transform modules; the packages' "default" export condition serves both.
  const entry = createRequire(import.meta.url).resolve(pkg);
  let dir = dirname(entry);
  while (!dir.replace(/\\/g, '/').endsWith(`/node_modules/${pkg}`)) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of package '${pkg}' (resolved to ${entry})`);
    dir = up;
  }
  return dir;
}

/**
 * Makes a minified build safe inside `<script>`: drops source-map comments (they
 * would point at files the reader does not have) and breaks any `</script` or
 * `<!--` sequence (in a string or regex literal, `<\/` means the same).
 */
export function sanitizeScript(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\/# sourceMappingURL=/.test(line))
    .join('\n')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

const cache = new Map<string, Promise<InlineScript>>();

function loadBuild(pkg: string, file: string): Promise<InlineScript> {
  const key = `${pkg}/${file}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = readFile(join(packageDir(pkg), 'build', file), 'utf8').then((source) => ({
      name: key,
      source: sanitizeScript(source),
    }));
    cache.set(key, loaded);
  }
  return loaded;
}

/** vega and vega-embed, in load order. */
export function chartRuntime(): Promise<InlineScript[]> {
  return Promise.all([loadBuild('vega', 'vega.min.js'), loadBuild('vega-embed', 'vega-embed.min.js')]);
}
