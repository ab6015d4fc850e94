import { z } from 'zod';

/** A range `[min, max]` of two numbers, min ≤ max. */
const range = z
  .tuple([z.number(), z.number()])
  .refine(([min, max]) => min <= max, { message: 'the range must be [min, max] with min ≤ max' });

const integerRange = z
  .tuple([z.number().int(), z.number().int()])
  .refine(([min, max]) => min <= max, { message: 'the range must be [min, max] with min ≤ max' });

/** A vector's length or a matrix's dimension: an integer var's name or a literal. */
const dimension = z.union([z.string().min(1), z.number().int().positive()]);

/** One entry of `check.vars`, in any of the forms SPEC section 1 allows. */
const varSchema = z.union([
  integerRange,
  z.strictObject({
    vector: dimension,
    range: range.optional(),
  }),
  z.strictObject({
    matrix: z.tuple([dimension, dimension]),
    range: range.optional(),
  }),
  z.strictObject({ onehot: dimension }),
  z.strictObject({ choice: z.array(z.number()).min(1) }),
  z.strictObject({ range }),
]);

const label = z.union([z.string().min(1), z.number()]).transform(String);
const names = z.array(z.string().min(1));
const expression = z.string().trim().min(1, { message: 'must be a non-empty expression' });

const mistakeSchema = z.strictObject({
  id: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  answer: expression,
  feedback: z.string().trim().min(1),
});

const sign = z.enum(['strict', 'either']);

const partSchema = z.strictObject({
  label,
  prompt: z.string().optional(),
  loss: expression.optional(),
  wrt: z.string().min(1).optional(),
  answer: expression.optional(),
  sign: sign.optional(),
  require: names.optional(),
  forbid: names.optional(),
  hints: z.array(z.string()).optional(),
  mistakes: z.array(mistakeSchema).optional(),
});

export const checkSchema = z.strictObject({
  vars: z.record(z.string().min(1), varSchema),
  given: z.record(z.string().min(1), expression).optional(),
  loss: expression,
  wrt: z.string().min(1),
  answer: expression.optional(),
  sign: sign.optional(),
  aliases: z.record(z.string().min(1), z.union([z.string(), z.array(z.string())])).optional(),
  parts: z.array(partSchema).min(1).optional(),
  hints: z.array(z.string()).optional(),
  mistakes: z.array(mistakeSchema).optional(),
});

export const idSchema = z.union([z.string().trim().min(1), z.number()]).transform(String);

/** The front matter beyond `id` and `check`; each field is read on its own (a bad one gets its default). */
export const metaSchema = z.object({
  course: z.union([z.string(), z.number()]).transform(String),
  tags: z.array(z.union([z.string(), z.number()]).transform(String)),
  difficulty: z.number().int().min(1).max(5),
  type: z.string().trim().min(1),
  status: z.union([z.string(), z.number()]).transform(String),
});

export type CheckBlock = z.infer<typeof checkSchema>;
export type VarEntry = z.infer<typeof varSchema>;
export type PartEntry = z.infer<typeof partSchema>;
export type MistakeEntry = z.infer<typeof mistakeSchema>;
