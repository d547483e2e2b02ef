import type { Category } from '@qadocs/schema';
import type { LinkCheck } from '../links/check-links.js';

/**
 * Project-wide settings rules read (from `categories`, `provenance`, `citations`, `frontmatter`,
 * `classifier` in the config). Rule-specific knobs live in each rule's own options instead.
 */
export interface LintSettings {
  contentRoot: string;
  categories: {
    /** Spellings mapped to a category by the `diataxis/category` fix: `howto` -> `how-to`. */
    aliases: Readonly<Record<string, Category>>;
    /** Folder names that mean a category: `guides` -> `how-to`. The category names themselves always count. */
    folders: Readonly<Record<string, Category>>;
  };
  provenance: {
    assistants: readonly string[];
    /** Front-matter key that records a human review of an AI-assisted answer. */
    reviewKey: string;
    dateOrder: 'mdy' | 'dmy' | null;
  };
  citations: {
    /** Allowed citation domains (a domain also allows its subdomains); empty = `citation/domain` is off. */
    allowlist: readonly string[];
    /** Share of claims (0..1) that must carry a citation before `citation/uncited-claim` is quiet. */
    claimCoverage: number;
  };
  frontmatter: {
    required: readonly string[];
    /** Validates front matter against the configured schema; null when none is configured. */
    validate: ((data: Record<string, unknown>) => Array<{ key: string; message: string }>) | null;
  };
  classifier: {
    /** `diataxis/content-fit` reports only at or above this confidence. */
    threshold: number;
  };
  /** Results of `checkLinks` by URL (`--check-links`); null = `citation/dead-link` is off. */
  links: ReadonlyMap<string, LinkCheck> | null;
}

export const DEFAULT_CATEGORY_ALIASES: Readonly<Record<string, Category>> = {
  tutorial: 'tutorial',
  tutorials: 'tutorial',
  quickstart: 'tutorial',
  'getting-started': 'tutorial',
  lesson: 'tutorial',
  'how-to': 'how-to',
  howto: 'how-to',
  'how-to-guide': 'how-to',
  'how-to-guides': 'how-to',
  guide: 'how-to',
  guides: 'how-to',
  'how to': 'how-to',
  recipe: 'how-to',
  reference: 'reference',
  references: 'reference',
  ref: 'reference',
  api: 'reference',
  'api-reference': 'reference',
  explanation: 'explanation',
  explanations: 'explanation',
  concept: 'explanation',
  concepts: 'explanation',
  conceptual: 'explanation',
  discussion: 'explanation',
  background: 'explanation',
  overview: 'explanation',
};

export const DEFAULT_SETTINGS: LintSettings = {
  contentRoot: 'content',
  categories: { aliases: DEFAULT_CATEGORY_ALIASES, folders: {} },
  provenance: { assistants: [], reviewKey: 'reviewed_by', dateOrder: null },
  citations: { allowlist: [], claimCoverage: 1 },
  frontmatter: { required: ['title', 'description', 'category'], validate: null },
  classifier: { threshold: 0.75 },
  links: null,
};
