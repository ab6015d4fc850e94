import { processIo } from '../adapters/cli/processIo.ts';
import { runCli } from '../adapters/cli/run.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo);
