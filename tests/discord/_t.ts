import { openDatabase } from '/work/main/src/adapters/store/index.ts';
import { createRenderer } from '/work/main/src/adapters/render/index.ts';
let t = performance.now();
const db = await openDatabase({ kind: 'pglite-memory' });
console.log('db', performance.now() - t); t = performance.now();
await createRenderer();
console.log('renderer', performance.now() - t);
await db.close();
