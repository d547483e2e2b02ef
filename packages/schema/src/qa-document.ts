import { z } from 'zod';

/** The version of the QaDocument record shape; bumped on any breaking change. */
export const SCHEMA_VERSION = 1 as const;

/** The four Diátaxis categories, in the order the framework presents them. */
export const CATEGORIES = ['tutorial', 'how-to', 'reference', 'explanation'] as const;

export const pointSchema = z
  .object({
    line: z.number().int().min(1).describe('1-based line in the original file'),
    column: z.number().int().min(1).describe('1-based column in the original file'),
    offset: z.number().int().min(0).describe('0-based UTF-16 offset in the decoded original file'),
  })
  .strict();

/** A unist position in the original file: front matter, BOM and CRLF included. */
export const positionSchema = z.object({ start: pointSchema, end: pointSchema }).strict();

export const categorySchema = z.enum(CATEGORIES);

export interface ItemShape {
  label: string | null;
  text: string;
  citations: string[];
  children: ItemShape[];
  position: z.infer<typeof positionSchema>;
}

export const itemSchema: z.ZodType<ItemShape> = z.lazy(() =>
  z
    .object({
      label: z.string().nullable().describe('`**Purpose**: …` gives `Purpose`'),
      text: z.string(),
      citations: z.array(z.string()).describe('footnote labels referenced by this item itself'),
      children: z.array(itemSchema),
      position: positionSchema,
    })
    .strict(),
);

export const sectionSchema = z
  .object({
    heading: z.string().nullable().describe('heading text with emphasis stripped; null before the first heading'),
    depth: z.number().int().min(0).max(6),
    items: z.array(itemSchema),
    position: positionSchema,
  })
  .strict();

export const claimSchema = z
  .object({ text: z.string(), citations: z.array(z.string()), position: positionSchema })
  .strict();

export const answerSchema = z
  .object({
    markdown: z.string(),
    text: z.string(),
    sections: z.array(sectionSchema),
    summary: z.string().nullable(),
    claims: z.array(claimSchema),
  })
  .strict();

export const qaEntrySchema = z
  .object({ question: z.string(), position: positionSchema, answer: answerSchema })
  .strict();

export const citationSchema = z
  .object({
    label: z.string().describe('the footnote label: its identity'),
    index: z.number().int().min(0).describe('order of first reference, from 1; 0 when never referenced'),
    title: z.string().nullable(),
    url: z.string().nullable(),
    domain: z.string().nullable(),
    text: z.string(),
    referencedBy: z.array(positionSchema),
    position: positionSchema,
  })
  .strict();

export const provenanceSchema = z
  .object({
    kind: z.enum(['ai-assistant', 'human', 'unknown']),
    tool: z.string().nullable(),
    date: z.string().nullable().describe('ISO 8601 (YYYY-MM-DD) when readable without ambiguity'),
    raw: z.string(),
    position: positionSchema,
  })
  .strict();

export const linkSchema = z.object({ text: z.string(), url: z.string(), position: positionSchema }).strict();

const jsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const qaDocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().min(1).describe('front-matter `id`, else the path under the content root without extension'),
    path: z.string().describe('POSIX path relative to the content root'),
    hash: z.string().regex(/^sha256-[0-9a-f]{64}$/),
    title: z.string().nullable(),
    description: z.string().nullable(),
    category: categorySchema.nullable().describe('the declared category (front-matter `category`)'),
    frontmatter: z.record(z.string(), jsonValueSchema).describe('as authored, JSON-safe (dates as ISO strings)'),
    entries: z.array(qaEntrySchema),
    citations: z.array(citationSchema),
    provenance: provenanceSchema.nullable(),
    furtherReading: z.array(linkSchema),
    stats: z.object({ words: z.number().int().min(0), readingMinutes: z.number().int().min(0) }).strict(),
  })
  .strict()
  .meta({ title: 'QaDocument', description: 'One question-and-answer Markdown file, as exported by qadocs' });

export type Point = z.infer<typeof pointSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Item = ItemShape;
export type Section = z.infer<typeof sectionSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type QaEntry = z.infer<typeof qaEntrySchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Link = z.infer<typeof linkSchema>;
export type QaDocument = z.infer<typeof qaDocumentSchema>;
