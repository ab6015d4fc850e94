import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_BOT_PERMISSIONS,
  startFakeDiscord,
  textOf,
  type FakeChannel,
  type DispatchRecord,
  type FakeDiscord,
} from './index.ts';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const commands = [
  new SlashCommandBuilder().setName('ping').setDescription('Ephemeral pong'),
  new SlashCommandBuilder().setName('slow').setDescription('Defers, then edits'),
  new SlashCommandBuilder()
    .setName('quiz')
    .setDescription('Posts a question and opens a thread')
    .addStringOption((o) => o.setName('card').setDescription('Card id').setRequired(true)),
  new SlashCommandBuilder().setName('card').setDescription('Sends a rendered card'),
  new SlashCommandBuilder()
    .setName('find')
    .setDescription('Autocompletes a card')
    .addStringOption((o) => o.setName('card').setDescription('Card id').setAutocomplete(true)),
].map((c) => c.toJSON());

/** A tiny bot exercising what gradquiz needs from Discord. */
function tinyBot(client: Client): void {
  // Failed requests are the fake's to record; the tiny bot ignores them.
  const ignore = (): void => undefined;
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction).catch(ignore));
  client.on(Events.MessageCreate, (message) => void onMessage(message).catch(ignore));
  client.on(
    Events.MessageUpdate,
    (_old, message) => void message.reply(`edited: ${message.content}`).catch(ignore),
  );

  async function handle(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) {
      const typed = i.options.getFocused();
      await i.respond(
        ['ssu_batch6_005', 'ols_001'].filter((c) => c.startsWith(typed)).map((c) => ({ name: c, value: c })),
      );
    } else if (i.isChatInputCommand()) {
      if (i.commandName === 'ping') await i.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
      if (i.commandName === 'slow') {
        await i.deferReply();
        await i.editReply('done slowly');
      }
      if (i.commandName === 'quiz') {
        const answer = new ButtonBuilder()
          .setCustomId('quiz:answer')
          .setLabel('Answer')
          .setStyle(ButtonStyle.Primary);
        const response = await i.reply({
          content: `Card ${i.options.getString('card', true)}`,
          components: [new ActionRowBuilder<ButtonBuilder>().addComponents(answer)],
          withResponse: true,
        });
        const thread = await response.resource!.message!.startThread({ name: 'quiz-thread' });
        await thread.send('Answer in here');
      }
      if (i.commandName === 'card') {
        await i.reply({
          embeds: [{ title: 'Card', image: { url: 'attachment://card.png' } }],
          files: [{ attachment: PNG, name: 'card.png' }],
        });
      }
    } else if (i.isButton()) {
      const input = new TextInputBuilder()
        .setCustomId('expr')
        .setLabel('Expression')
        .setStyle(TextInputStyle.Short);
      await i.showModal(
        new ModalBuilder()
          .setCustomId('quiz:modal')
          .setTitle('Your answer')
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
    } else if (i.isModalSubmit()) {
      await i.reply({
        content: `graded ${i.fields.getTextInputValue('expr')}`,
        flags: MessageFlags.Ephemeral,
      });
    }
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot) return;
    if (message.content === 'delete me') return void (await message.delete());
    await message.react('✅');
    await message.reply(`You said: ${message.content}`);
  }
}

async function connect(fake: FakeDiscord): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: fake.apiUrl, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
  });
  tinyBot(client);
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client;
}

describe('fake Discord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let thread: FakeChannel;
  let answered: DispatchRecord;
  const alice = () => fake.user('alice');

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = await connect(fake);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('logs in: IDENTIFY with the intents, READY, GUILD_CREATE; commands registered in bulk', async () => {
    expect(fake.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.get(fake.channelId)?.name).toBe('quiz');
    await client.application!.commands.set(commands, fake.guildId);
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(['ping', 'slow', 'quiz', 'card', 'find']);
    fake.assertNoErrors();
  });

  it('replies ephemerally to a slash command', async () => {
    const res = await fake.slashCommand({ user: alice(), name: 'ping' });
    expect(res.type).toBe(4);
    expect(res.flags & 64).toBe(64);
    expect(res.ephemeral).toBe(true);
    expect(res.content).toBe('pong');
    expect(res.elapsedMs).toBeLessThan(3000);
    // Ephemeral: nobody else sees it in the channel.
    expect(fake.messagesIn(fake.channelId)).toEqual([]);
  });

  it('defers, then edits the reply', async () => {
    const res = await fake.slashCommand({ user: alice(), name: 'slow' });
    expect(res.type).toBe(5);
    expect(res.deferred).toBe(true);
    const final = await res.final();
    expect(final.content).toBe('done slowly');
    expect(final.ephemeral).toBe(false);
  });

  it('checks options against the registered command', async () => {
    expect(() => fake.slashCommand({ user: alice(), name: 'quiz', options: { crad: 'x' } })).toThrow(
      /no option crad/,
    );
    expect(() => fake.slashCommand({ user: alice(), name: 'quiz' })).toThrow(/missing required option/);
  });

  it('posts a message with a button and starts a thread on it', async () => {
    const res = await fake.slashCommand({ user: alice(), name: 'quiz', options: { card: 'ssu_batch6_005' } });
    const card = res.message()!;
    expect(card.content).toBe('Card ssu_batch6_005');
    expect(res.callback.withResponse).toBe(true);
    const threadMessage = await fake.waitForMessage((m) => m.content === 'Answer in here');
    [thread] = fake.threadsOf(fake.channelId) as [FakeChannel];
    expect(thread).toMatchObject({ id: card.id, name: 'quiz-thread', parentId: fake.channelId });
    expect(threadMessage.channelId).toBe(thread.id);
  });

  it('receives a message in the thread with its content, reacts ✅ and replies', async () => {
    const posted = fake.postMessage({ user: alice(), channelId: thread.id, content: 'x^2' });
    expect(await fake.waitForReaction(posted.id, '✅')).toBe('✅');
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === posted.id);
    expect(reply.content).toBe('You said: x^2');
    expect(fake.message(posted.id)!.reactions).toEqual([{ emoji: '✅', userIds: [fake.bot.id] }]);
  });

  it('answers autocomplete with choices', async () => {
    const res = await fake.autocomplete({
      user: alice(),
      name: 'find',
      options: { card: 'ss' },
      focused: 'card',
    });
    expect(res.choices).toEqual([{ name: 'ssu_batch6_005', value: 'ssu_batch6_005' }]);
  });

  it('dispatches a member’s edit with edited_timestamp', async () => {
    const posted = fake.postMessage({ user: alice(), channelId: thread.id, content: 'x' });
    answered = fake.lastDispatch('MESSAGE_CREATE');
    await fake.waitForMessage((m) => m.referencedMessageId === posted.id);
    fake.editMessage({ messageId: posted.id, content: 'x + 1' });
    expect(fake.lastDispatch('MESSAGE_UPDATE').d.edited_timestamp).toEqual(expect.any(String));
    await fake.waitForMessage((m) => m.content === 'edited: x + 1');
  });

  it('lets the bot delete a member’s message', async () => {
    const posted = fake.postMessage({ user: alice(), channelId: thread.id, content: 'delete me' });
    await fake.waitForDeletion(posted.id);
    expect(fake.message(posted.id)!.deleted).toBe(true);
    expect(fake.messagesIn(thread.id).map((m) => m.id)).not.toContain(posted.id);
  });

  it('refuses the deletion with 403 Missing Permissions once Manage Messages is denied', async () => {
    fake.setBotPermissions(DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.ManageMessages);
    const res = await fake.slashCommand({ user: alice(), name: 'ping' });
    expect(
      BigInt(res.interaction.payload.app_permissions as string) & PermissionFlagsBits.ManageMessages,
    ).toBe(0n);
    const posted = fake.postMessage({ user: alice(), channelId: thread.id, content: 'delete me' });
    await expect(fake.waitForDeletion(posted.id, 300)).rejects.toThrow(/nothing matched/);
    expect(fake.takeErrors().map((e) => [e.kind, e.status, e.code])).toEqual([['permission', 403, 50013]]);
    fake.setBotPermissions(DEFAULT_BOT_PERMISSIONS);
  });

  it('shows a modal from a button and receives its submit', async () => {
    const card = fake.messagesIn(fake.channelId).find((m) => m.threadId === thread.id)!;
    const click = await fake.clickButton({ user: alice(), messageId: card.id, customId: 'quiz:answer' });
    expect(click.modal?.customId).toBe('quiz:modal');
    const submit = await fake.submitModal({ user: alice(), customId: 'quiz:modal', fields: { expr: '2*x' } });
    expect(submit.ephemeral).toBe(true);
    expect(submit.content).toBe('graded 2*x');
  });

  it('stores an uploaded file and serves it back', async () => {
    const res = await fake.slashCommand({ user: alice(), name: 'card' });
    const [file] = res.attachments;
    expect(file).toMatchObject({ filename: 'card.png', size: PNG.length, contentType: 'image/png' });
    expect(file!.bytes.equals(PNG)).toBe(true);
    expect(res.message()!.embeds[0]!.image!.url).toBe(file!.url);
    expect(Buffer.from(await (await fetch(file!.url)).arrayBuffer()).equals(PNG)).toBe(true);
    expect(textOf(res.message()!)).toBe('Card');
    fake.assertNoErrors();
  });

  it('records unknown routes and malformed bodies as protocol errors', async () => {
    await expect(client.rest.get('/nowhere' as `/${string}`)).rejects.toThrow(/404/);
    await expect(
      client.rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'x'.repeat(2001) } }),
    ).rejects.toThrow(/Invalid Form Body/);
    await expect(
      client.rest.post(Routes.channelMessages(fake.channelId), { body: { content: '' } }),
    ).rejects.toThrow(/empty message/);
    expect(() => fake.assertNoErrors()).toThrow(/rejected 3 request/);
    expect(fake.takeErrors().map((e) => [e.kind, e.status, e.code])).toEqual([
      ['route', 404, 0],
      ['body', 400, 50035],
      ['body', 400, 50006],
    ]);
  });

  it('answers a second client after a restart, in the existing thread', async () => {
    await client.destroy();
    client = await connect(fake);
    expect(fake.identifies).toHaveLength(2);
    // GUILD_CREATE listed the active thread, so the new client has it cached.
    expect(client.channels.cache.has(thread.id)).toBe(true);
    const posted = fake.postMessage({
      user: fake.user('bob'),
      channelId: thread.id,
      content: 'after restart',
    });
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === posted.id);
    expect(reply.content).toBe('You said: after restart');
    // discord.js ignores a MESSAGE_CREATE it has cached; a restarted client has not, and answers again.
    const since = fake.mark();
    expect(fake.redeliver(answered).d).toBe(answered.d);
    await fake.waitForMessage((m) => m.content === 'You said: x', 2000, since);
    fake.assertNoErrors();
  });

  it('replays missed events when the client resumes after a dropped connection', async () => {
    const resumed = once(client, Events.ShardResume);
    fake.disconnectBot(4000);
    const posted = fake.postMessage({ user: alice(), channelId: thread.id, content: 'while away' });
    await resumed;
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === posted.id, 5000);
    expect(reply.content).toBe('You said: while away');
    expect(fake.identifies).toHaveLength(2);
    fake.assertNoErrors();
  });
});

describe('fake Discord deadlines', () => {
  it('rejects a callback after the interaction deadline with 10062 Unknown interaction', async () => {
    const fake = await startFakeDiscord({ interactionDeadlineMs: 20 });
    try {
      const pending = fake.slashCommand({ user: fake.user('alice'), name: 'ping', timeoutMs: 100 });
      const { id, token } = fake.lastDispatch('INTERACTION_CREATE').d as { id: string; token: string };
      await new Promise((resolve) => setTimeout(resolve, 40));
      const late = await fetch(`${fake.apiUrl}/v10/interactions/${id}/${token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'too late' } }),
      });
      expect(late.status).toBe(404);
      expect(await late.json()).toMatchObject({ code: 10062 });
      await expect(pending).rejects.toThrow(/no accepted callback/);
    } finally {
      await fake.close();
    }
  });
});
