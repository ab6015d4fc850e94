import { z } from 'zod';

/** Zod schemas of the request bodies the fake accepts, with Discord's documented limits. */

const snowflake = z.string().regex(/^\d{1,20}$/, 'not a snowflake');

const embedSchema = z.strictObject({
  title: z.string().max(256).optional(),
  type: z.literal('rich').optional(),
  description: z.string().max(4096).optional(),
  url: z.url().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  color: z.int().min(0).max(0xffffff).optional(),
  footer: z.strictObject({ text: z.string().min(1).max(2048), icon_url: z.string().optional() }).optional(),
  image: z.looseObject({ url: z.string() }).optional(),
  thumbnail: z.looseObject({ url: z.string() }).optional(),
  author: z
    .strictObject({
      name: z.string().min(1).max(256),
      url: z.string().optional(),
      icon_url: z.string().optional(),
    })
    .optional(),
  fields: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(256),
        value: z.string().min(1).max(1024),
        inline: z.boolean().optional(),
      }),
    )
    .max(25)
    .optional(),
});

/** Discord counts title, description, field names and values, footer and author text together. */
const embedsSchema = z
  .array(embedSchema)
  .max(10)
  .refine(
    (embeds) =>
      embeds.reduce(
        (sum, e) =>
          sum +
          (e.title?.length ?? 0) +
          (e.description?.length ?? 0) +
          (e.footer?.text.length ?? 0) +
          (e.author?.name.length ?? 0) +
          (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
        0,
      ) <= 6000,
    'embeds exceed 6000 characters in total',
  );

const emoji = z.looseObject({ id: snowflake.nullish(), name: z.string().nullish() });

const buttonSchema = z
  .strictObject({
    type: z.literal(2),
    id: z.int().optional(),
    style: z.int().min(1).max(6),
    label: z.string().max(80).optional(),
    emoji: emoji.optional(),
    custom_id: z.string().min(1).max(100).optional(),
    url: z.string().max(512).optional(),
    sku_id: snowflake.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => (b.style === 5 ? b.url !== undefined : b.style === 6 || b.custom_id !== undefined), {
    message: 'link buttons need a url, other buttons a custom_id',
  });

const selectSchema = z.looseObject({
  type: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(7), z.literal(8)]),
  custom_id: z.string().min(1).max(100),
  options: z
    .array(z.looseObject({ label: z.string().min(1).max(100), value: z.string().min(1).max(100) }))
    .max(25)
    .optional(),
  placeholder: z.string().max(150).optional(),
  min_values: z.int().min(0).max(25).optional(),
  max_values: z.int().min(1).max(25).optional(),
});

const actionRowSchema = z.strictObject({
  type: z.literal(1),
  id: z.int().optional(),
  components: z.union([z.array(buttonSchema).min(1).max(5), z.array(selectSchema).length(1)]),
});

/** Components v2 (sections, text displays, containers, …) are passed through, checked only for a known type. */
const layoutSchema = z.looseObject({
  type: z.union([9, 10, 11, 12, 13, 14, 17].map((t) => z.literal(t))),
});

const componentsSchema = z
  .array(z.union([actionRowSchema, layoutSchema]))
  .max(40)
  .superRefine((rows, ctx) => {
    const ids = rows.flatMap((row) =>
      'components' in row && Array.isArray(row.components)
        ? row.components.flatMap((c: { custom_id?: string }) => (c.custom_id ? [c.custom_id] : []))
        : [],
    );
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) ctx.addIssue({ code: 'custom', message: `duplicate custom_id ${duplicate}` });
  });

const allowedMentionsSchema = z.strictObject({
  parse: z.array(z.enum(['users', 'roles', 'everyone'])).optional(),
  users: z.array(snowflake).max(100).optional(),
  roles: z.array(snowflake).max(100).optional(),
  replied_user: z.boolean().optional(),
});

const attachmentRefSchema = z.looseObject({
  id: z.union([snowflake, z.int().min(0)]),
  filename: z.string().optional(),
  description: z.string().max(1024).optional(),
});

const messageReferenceSchema = z.strictObject({
  type: z.int().optional(),
  message_id: snowflake,
  channel_id: snowflake.optional(),
  guild_id: snowflake.optional(),
  fail_if_not_exists: z.boolean().optional(),
});

/**
 * Every top-level key discord.js's MessagePayload can produce; which ones make sense where (flags,
 * message_reference) is checked by the route.
 */
export const messageBody = z.strictObject({
  content: z.string().max(2000).optional(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string().max(25), z.int()]).optional(),
  enforce_nonce: z.boolean().optional(),
  embeds: embedsSchema.optional(),
  components: componentsSchema.optional(),
  username: z.string().min(1).max(80).optional(),
  avatar_url: z.string().optional(),
  allowed_mentions: allowedMentionsSchema.optional(),
  flags: z.int().min(0).optional(),
  message_reference: messageReferenceSchema.optional(),
  attachments: z.array(attachmentRefSchema).max(10).optional(),
  sticker_ids: z.array(snowflake).max(3).optional(),
  thread_name: z.string().max(100).optional(),
  applied_tags: z.array(snowflake).optional(),
  poll: z.looseObject({}).optional(),
  shared_client_theme: z.unknown().optional(),
});
export type MessageBody = z.infer<typeof messageBody>;

/** Edits may clear fields with null. */
export const messageEditBody = z.strictObject({
  content: z.string().max(2000).nullish(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string().max(25), z.int()]).optional(),
  enforce_nonce: z.boolean().optional(),
  embeds: embedsSchema.nullish(),
  components: componentsSchema.nullish(),
  allowed_mentions: allowedMentionsSchema.nullish(),
  flags: z.int().min(0).nullish(),
  attachments: z.array(attachmentRefSchema).max(10).nullish(),
  poll: z.looseObject({}).nullish(),
});
export type MessageEditBody = z.infer<typeof messageEditBody>;

const autoArchive = z.union([z.literal(60), z.literal(1440), z.literal(4320), z.literal(10080)]);

export const threadFromMessageBody = z.strictObject({
  name: z.string().min(1).max(100),
  auto_archive_duration: autoArchive.optional(),
  rate_limit_per_user: z.int().min(0).max(21600).nullish(),
  // discord.js sends the type here too; Discord ignores it.
  type: z.int().optional(),
});

export const threadBody = z.strictObject({
  name: z.string().min(1).max(100),
  auto_archive_duration: autoArchive.optional(),
  type: z.union([z.literal(11), z.literal(12)]).optional(),
  invitable: z.boolean().optional(),
  rate_limit_per_user: z.int().min(0).max(21600).nullish(),
});

export const channelEditBody = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  archived: z.boolean().optional(),
  locked: z.boolean().optional(),
  auto_archive_duration: autoArchive.optional(),
  invitable: z.boolean().optional(),
  rate_limit_per_user: z.int().min(0).max(21600).nullish(),
  flags: z.int().optional(),
  applied_tags: z.array(snowflake).optional(),
});

const optionName = z.string().regex(/^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u, 'invalid name');

const choiceSchema = z.looseObject({
  name: z.string().min(1).max(100),
  value: z.union([z.string().max(100), z.number()]),
});

interface CommandOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: z.infer<typeof choiceSchema>[];
  autocomplete?: boolean;
  options?: CommandOption[];
}

const optionSchema: z.ZodType<CommandOption> = z.lazy(() =>
  z
    .looseObject({
      type: z.int().min(1).max(11),
      name: optionName,
      description: z.string().min(1).max(100),
      required: z.boolean().optional(),
      choices: z.array(choiceSchema).max(25).optional(),
      autocomplete: z.boolean().optional(),
      options: optionsSchema.optional(),
    })
    .refine((o) => !(o.autocomplete && o.choices?.length), 'autocomplete and choices are exclusive'),
);

const optionsSchema = z
  .array(optionSchema)
  .max(25)
  .superRefine((options, ctx) => {
    const names = options.map((o) => o.name);
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate option names' });
    const firstOptional = options.findIndex((o) => !o.required);
    if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required))
      ctx.addIssue({ code: 'custom', message: 'required options must come before optional ones' });
  });

export const commandBody = z
  .looseObject({
    name: z.string().min(1).max(32),
    type: z.int().min(1).max(4).optional(),
    description: z.string().max(100).optional(),
    options: optionsSchema.optional(),
    default_member_permissions: z.string().regex(/^\d+$/).nullish(),
  })
  .refine(
    (c) => (c.type ?? 1) !== 1 || (optionName.safeParse(c.name).success && (c.description?.length ?? 0) >= 1),
    'slash commands need a lowercase name and a description',
  );

export const commandsBody = z
  .array(commandBody)
  .max(100)
  .refine(
    (cmds) => new Set(cmds.map((c) => `${c.type ?? 1}:${c.name}`)).size === cmds.length,
    'duplicate commands',
  );

export const callbackBody = z.strictObject({ type: z.int(), data: z.unknown().optional() });

export const deferBody = z.strictObject({ flags: z.int().min(0).optional() }).optional();

export const autocompleteBody = z.strictObject({ choices: z.array(choiceSchema).max(25) });

export const modalBody = z.strictObject({
  custom_id: z.string().min(1).max(100),
  title: z.string().min(1).max(45),
  components: z
    .array(z.looseObject({ type: z.int() }))
    .min(1)
    .max(5),
});
