import { writeFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type FakeChannel } from '../fake-discord/index.ts';
import { CARD, RIGHT, WRONG, startHarness, type Harness } from './harness.ts';

let h: Harness;
let thread: FakeChannel;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const admin = () => h.fake.user('ada', { permissions: PermissionFlagsBits.ManageGuild });

async function answer(user: string, content: string): Promise<string> {
  const message = h.fake.postMessage({ user: h.fake.user(user), channelId: thread.id, content });
  const reply = await h.fake.waitForMessage((m) => m.referencedMessageId === message.id, 5000);
  return reply.content;
}

async function quizadmin(subcommand: string, options: Record<string, string> = {}) {
  const res = await h.fake.slashCommand({ user: admin(), name: 'quizadmin', subcommand, options });
  const reply = await res.final(10_000);
  expect(res.ephemeral).toBe(true);
  return reply;
}

describe('/quizadmin stats and export', () => {
  beforeAll(async () => {
    const res = await h.fake.slashCommand({
      user: h.fake.user('alice'),
      name: 'quiz',
      options: { card: CARD },
    });
    const post = await res.final(5000);
    thread = h.fake.channel(post.id);
    // Alice and Bob send the same wrong answer written two ways; Dan a formula cell; Carol solves it.
    expect((await answer('alice', WRONG)).toLowerCase()).toContain('incorrect');
    expect((await answer('bob', 'w*(y-yhat)')).toLowerCase()).toContain('incorrect');
    expect((await answer('dan', '-2 * x')).toLowerCase()).toContain('incorrect');
    expect(await answer('carol', RIGHT)).toContain('correct');
  });

  it('GIVEN a member without Manage Server THEN stats are refused, privately', async () => {
    const res = await h.fake.slashCommand({
      user: h.fake.user('mallory'),
      name: 'quizadmin',
      subcommand: 'stats',
    });
    expect(res.ephemeral).toBe(true);
    expect(res.content).toContain('Manage Server');
  });

  it('GIVEN answers THEN server stats name the hardest part with its solve rate and chart it', async () => {
    const reply = await quizadmin('stats', { period: 'all' });
    const text = textOf(reply);
    expect(text).toContain('all time');
    expect(text).toContain(`\`${CARD}\` part 1 — **25%** solved (1 of 4 students)`);
    expect(text).not.toContain('alice');
    const [chart] = reply.attachments;
    expect(chart?.filename).toBe('stats.png');
    expect(chart?.description).toContain(
      `Bar chart: Solve rate per part, hardest first.\n${CARD} · part 1: 25% of 4`,
    );
    expect(reply.embeds[0]?.image?.url).toMatch(/stats\.png$/);
    const meta = await sharp(chart?.bytes).metadata();
    expect(meta.width).toBe(1200);
    writeFileSync(`${process.env.GRADQUIZ_TEST_ARTIFACTS ?? '/tmp'}/stats-server.png`, chart?.bytes ?? '');
  });

  it('GIVEN one card THEN its wrong answers grouped however written, with students counted, typeset in the chart', async () => {
    const reply = await quizadmin('stats', { card: CARD, period: 'week' });
    const text = textOf(reply);
    expect(text).toContain('this week');
    expect(text).toContain('Most common wrong answers, part 1');
    // One group for `(y - yhat) * w` and `w*(y-yhat)`: two answers from two students.
    expect(text).toMatch(/`[^`]+` — 2 answers, 2 students/);
    expect(text).toMatch(/`[^`]+` — 1 answer, 1 student/);
    const [chart] = reply.attachments;
    expect(chart?.description).toMatch(/: 2 · 2 students\n/);
    writeFileSync(`${process.env.GRADQUIZ_TEST_ARTIFACTS ?? '/tmp'}/stats-card.png`, chart?.bytes ?? '');
  });

  it('GIVEN export attempts THEN a CSV a parser reads back, one row per answer, a leading minus neutralised', async () => {
    const reply = await quizadmin('export attempts');
    const [file] = reply.attachments;
    expect(file?.filename).toBe(`gradquiz-attempts-${h.fake.guildId}.csv`);
    const rows: Record<string, string>[] = parse(file?.bytes ?? '', { columns: true });
    expect(rows.map((r) => r.input)).toEqual([WRONG, 'w*(y-yhat)', "'-2 * x", RIGHT]);
    expect(rows.map((r) => r.verdict)).toEqual(['incorrect', 'incorrect', 'incorrect', 'correct']);
    expect(new Set(rows.map((r) => r.displayName)).size).toBe(4);
    expect(rows[0]?.signature).toBe(rows[1]?.signature);
    expect(reply.content).toContain('names students');
  });

  it('GIVEN export grades THEN one row per student; a bad date is explained', async () => {
    const reply = await quizadmin('export grades');
    const rows: Record<string, string>[] = parse(reply.attachments[0]?.bytes ?? '', { columns: true });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.partsSolved).sort()).toEqual(['0', '0', '0', '1']);
    const bad = await quizadmin('export grades', { since: '2026-13-45' });
    expect(bad.content).toContain('`2026-13-45` is not a date');
    expect(bad.attachments).toEqual([]);
  });
});
