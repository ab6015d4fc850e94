import { Writable } from 'node:stream';
import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { exportAttempts, exportGrades, type ExportResult } from '../../../app/index.ts';
import { ATTEMPT_COLUMNS, GRADE_COLUMNS } from '../../export/exportColumns.ts';
import { writeTable } from '../../export/writeTable.ts';
import type { BotDeps } from '../deps.ts';
import { exportSay } from '../messages.ts';

/** Discord refuses bigger attachments from bots in servers without boosts (10 MiB), with room to spare. */
const MAX_EXPORT_BYTES = 8 * 1024 * 1024;

class TooLarge extends Error {}

/** Collects a stream into memory, up to `max` bytes: past that the export stops (the CLI has no limit). */
function boundedSink(max: number): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      if (size > max) return done(new TooLarge());
      chunks.push(buffer);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** `/quizadmin export attempts|grades [since]` — this server's data as a CSV file, privately. */
export async function exportCsv(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'>,
): Promise<void> {
  const what = interaction.options.getSubcommand() as 'attempts' | 'grades';
  const since = interaction.options.getString('since') ?? undefined;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const input = { guildId: interaction.guildId, ...(since !== undefined ? { since } : {}) };
  const sink = boundedSink(MAX_EXPORT_BYTES);
  const write = async <Row extends object>(
    result: ExportResult<Row>,
    columns: readonly (keyof Row & string)[],
  ): Promise<string | undefined> => {
    if (result.kind === 'bad_date') return exportSay.badDate(result.since);
    try {
      await writeTable(result.rows, columns, 'csv', sink.stream);
    } catch (error) {
      if (error instanceof TooLarge) return exportSay.tooLarge(what, interaction.guildId, MAX_EXPORT_BYTES);
      throw error;
    }
    return undefined;
  };
  const refused =
    what === 'attempts'
      ? await write(await exportAttempts(deps.app, input), ATTEMPT_COLUMNS)
      : await write(await exportGrades(deps.app, input), GRADE_COLUMNS);
  if (refused !== undefined) {
    await interaction.editReply(refused);
    return;
  }
  const name = `gradquiz-${what}-${interaction.guildId}${since ? `-since-${since}` : ''}.csv`;
  await interaction.editReply({
    content: exportSay.done(what),
    files: [new AttachmentBuilder(sink.bytes(), { name, description: exportSay.description(what) })],
  });
}
