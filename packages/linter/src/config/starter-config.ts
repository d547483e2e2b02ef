import { CONFIG_SCHEMA_URL } from './config-schema.js';
import { DEFAULT_SETTINGS } from './settings.js';

/**
 * The config `qadocs init` writes: `qadocs.config.json` with the defaults spelled out and `$schema` for
 * editor completion. Plain JSON (no comments), so every tool reads it.
 */
export function starterConfigText(options: { contentRoot?: string; schemaUrl?: string } = {}): string {
  const config = {
    $schema: options.schemaUrl ?? CONFIG_SCHEMA_URL,
    extends: 'recommended',
    contentRoot: options.contentRoot ?? DEFAULT_SETTINGS.contentRoot,
    rules: {},
    overrides: [],
    categories: { aliases: {}, folders: {} },
    provenance: { reviewKey: DEFAULT_SETTINGS.provenance.reviewKey },
    citations: { allowlist: [], claimCoverage: DEFAULT_SETTINGS.citations.claimCoverage },
    frontmatter: { required: [...DEFAULT_SETTINGS.frontmatter.required] },
    classifier: { threshold: DEFAULT_SETTINGS.classifier.threshold },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
