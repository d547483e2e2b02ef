import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { starterConfigText } from '@qadocs/linter';
import type { CliIo } from '../cli-io.js';
import { EXIT, UsageError } from '../usage-error.js';

/** `qadocs init`: write a starter `qadocs.config.json`; never overwrites one. */
export async function initCommand(io: CliIo): Promise<number> {
  const file = path.join(io.cwd, 'qadocs.config.json');
  if (existsSync(file)) throw new UsageError(`Unexpected existing config "${path.relative(io.cwd, file)}", expected none: qadocs init never overwrites a config`);
  await writeFile(file, starterConfigText(), { flag: 'wx' });
  io.stdout.write(`Wrote ${path.relative(io.cwd, file)}. Next: \`qadocs lint\` to check your content.\n`);
  return EXIT.ok;
}
