/**
 * The CLI entry with the fake engine, for tests that need a real process (Ctrl-C).
 * FAKE_ENGINE=ok|fail|hang picks the behaviour.
 */
import { main } from '../../src/cli/program.js';
import { processIo } from '../../src/cli/io.js';
import { type FakeBehaviour, fakeEngine } from './fake-engine.js';

const behaviour = (process.env['FAKE_ENGINE'] ?? 'ok') as FakeBehaviour;
const { engine } = fakeEngine(behaviour);
const code = await main(process.argv.slice(2), { ...processIo(), loadEngine: async () => engine });
process.exit(code);
