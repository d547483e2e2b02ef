import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { starterConfigText } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { CONTENT_ROOT_CANDIDATES, detectContentRoot } from '../files/detect-content-root.js';
import { EXIT, UsageError } from '../usage-error.js';

/**
 * `qadocs init`: write a starter `qadocs.config.json` whose `contentRoot` is the folder of Markdown
 * documents the repository already has (`docs/`, `content/`, `src/content/`, …); never overwrites a config.
 */
export async function initCommand(io: CliIo): Promise<number> {
  const file = path.join(io.cwd, 'qadocs.config.json');
  if (existsSync(file)) throw new UsageError(`Unexpected existing config "${path.relative(io.cwd, file)}", expected none: qadocs init never overwrites a config`);
  const contentRoot = await detectContentRoot(io.cwd);
  await writeFile(file, starterConfigText({ contentRoot: contentRoot.folder }), { flag: 'wx' });
  const name = path.relative(io.cwd, file);
  if (contentRoot.documents > 0) {
    const count = `${contentRoot.documents} Markdown file${contentRoot.documents === 1 ? '' : 's'}`;
    io.stdout.write(`Wrote ${name} with contentRoot "${contentRoot.folder}" (${count}). Next: \`qadocs lint\` to check your content.\n`);
  } else {
    const searched = CONTENT_ROOT_CANDIDATES.map((folder) => `${folder}/`).join(', ');
    io.stdout.write(
      `Wrote ${name} with contentRoot "${contentRoot.folder}": no folder of Markdown files found (looked in ${searched}). ` +
        `Put your documents in ${contentRoot.folder}/ or set contentRoot in ${name}, then run \`qadocs lint\`.\n`,
    );
  }
  return EXIT.ok;
}
