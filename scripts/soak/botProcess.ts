import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { FakeDiscord } from '../../tests/fake-discord/index.ts';

/** How long a (re)started bot may take to reach READY on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;
/** What a SIGTERM may take: the bot's own shutdown gives up after 15 s. */
const STOP_TIMEOUT_MS = 30_000;
/** The tail of the bot's output kept for a failure report. */
const OUTPUT_KEPT = 20_000;

/** A span of time while no bot was connected: interactions sent then are never acknowledged. */
export interface DownWindow {
  readonly from: number;
  to: number | undefined;
}

/**
 * The real bot (`src/main/start.ts`) in a child process against the fake Discord. It is run by node
 * itself, not through `npm start`, so that SIGKILL hits the bot and not a launcher in front of it.
 */
export class BotProcess {
  /** When each SIGKILL was sent (ms since the epoch). */
  readonly kills: number[] = [];
  readonly down: DownWindow[] = [];
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly fake: FakeDiscord,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts a bot and resolves once it is READY on the gateway. */
  async start(): Promise<void> {
    const readies = this.fake.identifies.length + 1;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/start.ts'], {
      env: { ...this.env, MALLOC_ARENA_MAX: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-OUTPUT_KEPT));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before READY`))),
    );
    exited.catch(() => undefined);
    await Promise.race([this.fake.waitForReady(readies, START_TIMEOUT_MS), exited]);
    const last = this.down.at(-1);
    if (last && last.to === undefined) last.to = Date.now();
  }

  /** SIGKILL, as the OOM killer or a host failure would: no shutdown code runs. */
  async kill(): Promise<void> {
    const child = this.current();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.kills.push(Date.now());
    this.down.push({ from: Date.now(), to: undefined });
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait for the orderly stop. */
  async stop(): Promise<void> {
    const child = this.current();
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Whether no bot was connected at `time`. */
  wasDownAt(time: number): boolean {
    return this.down.some((w) => w.from <= time && (w.to === undefined || time < w.to));
  }

  /** The bot's resident memory now, in MB (from /proc). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.current().pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
  }

  /** The last lines the bot printed, for a failure report. */
  get tail(): string {
    return this.output;
  }

  private current(): ChildProcess {
    if (!this.child) throw new Error('the bot was never started');
    return this.child;
  }
}
