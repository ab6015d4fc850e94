#!/usr/bin/env node
// The project ships TypeScript sources; tsx compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
