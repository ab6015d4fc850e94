// Child process for the lock test: opens the PGlite directory given as argument, says "ready", and
// holds it until its stdin closes.
import { openDatabase } from '../../src/adapters/store/index.ts';

const db = await openDatabase({ kind: 'pglite', dataDir: process.argv[2]! }, { migrate: false });
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => void db.close().then(() => process.exit(0)));
