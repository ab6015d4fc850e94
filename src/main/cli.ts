import { processIo } from '../adapters/cli/processIo.ts';
import { runCli } from '../adapters/cli/run.ts';
import { databaseConfigOf } from '../adapters/store/index.ts';
import { openRuntime } from './runtime.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo, {
  openApp: async (config) => {
    const runtime = await openRuntime(config, databaseConfigOf(config));
    return { app: runtime.app, close: runtime.close };
  },
});
