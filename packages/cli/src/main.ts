import { Command, CommanderError, Option } from 'commander';
import type { ReportFormat } from '@qadocs/linter';
import { processIo, type CliIo } from './cli-io.js';
import { EXIT, UsageError } from './usage-error.js';
import { QADOCS_VERSION } from './version.js';

/** Run the `qadocs` command line; resolves to the exit code (0 ok, 1 problems found, 2 usage/config/internal). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // The format names are the linter's; it is loaded for them only when help is asked for.
  const reportFormats = asksForHelp(argv) ? (await import('@qadocs/linter')).REPORT_FORMATS : null;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  }, reportFormats);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with their own exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || (error as Error).name === 'ConfigError') {
      // Messages quote file names and config values: a control character in them is shown, never obeyed.
      const { escapeControlCharacters } = await import('@qadocs/linter');
      io.stderr.write(`qadocs: ${escapeControlCharacters((error as Error).message)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`qadocs: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.usage;
  }
}

/** Commands are imported when run: `qadocs lint` never loads the exporter, `--version` loads nothing. */
function buildProgram(io: CliIo, setExit: (code: number) => void, reportFormats: readonly ReportFormat[] | null): Command {
  const program = new Command('qadocs')
    .description('Parse, lint, classify and export question-and-answer Markdown documentation')
    .version(QADOCS_VERSION, '-v, --version')
    // ESLint, markdownlint-cli2 and most CLIs answer -V too; commander takes one short flag per option.
    .addOption(new Option('-V', 'output the version number').hideHelp())
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError(true);
  program.on('option:V', () => {
    io.stdout.write(`${QADOCS_VERSION}\n`);
    throw new CommanderError(EXIT.ok, 'commander.version', QADOCS_VERSION);
  });

  const documentOptions = (command: Command) =>
    command
      .option('-c, --config <file>', 'use this config file instead of searching for qadocs.config.*')
      .option('--root <dir>', 'content root that record paths and ids are relative to')
      .option('--changed-since <ref>', 'only documents changed since this git ref (pull requests)')
      .option('--shard <i/n>', 'only shard i of n (CI machines)')
      .option('--threads <n>', 'worker threads (default and maximum: the cores available)')
      .option('--timeout <ms>', 'per-file time limit in milliseconds, 1 to 2147483647 (default 10000)')
      .option('--low-memory', 'keep peak memory down (~35% less) at the cost of time (~50% more)')
      .option('--no-progress', 'never show a progress bar');

  const run = (action: (...args: any[]) => Promise<number>) =>
    async (...args: any[]) => {
      setExit(await action(...args));
    };

  documentOptions(program.command('lint').description('report problems (exit 1 on errors)').argument('[paths...]', 'files or folders (default: contentRoot)'))
    .addOption(new Option('-f, --format <name>', reportFormats ? `report format: ${reportFormats.join(', ')}` : 'report format').default('stylish'))
    .option('--fix', 'apply fixes and write the files (atomically)')
    .option('--fix-dry-run', 'print the fixes as a diff; write nothing')
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--only-changed-lines', 'with --changed-since: only problems on lines the change added or modified')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .option('--cache', 'only lint files that changed since the last run')
    .option('--cache-location <dir>', 'where the cache lives (default node_modules/.cache/qadocs)')
    .option('--check-links', 'check that citation URLs answer (citation/dead-link; uses the network)')
    .option('-w, --watch', 'lint again on every save and print the report again (Ctrl+C to stop)')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <path>', 'the path the standard input is linted as')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .action(run(async (paths: string[], flags) =>
      flags.watch ? (await import('./commands/lint-watch.js')).lintWatchCommand(paths, flags, io) : (await import('./commands/lint.js')).lintCommand(paths, flags, io),
    ));

  documentOptions(program.command('export').description('write JSON records and the HTML site').argument('[paths...]', 'files or folders (default: contentRoot)'))
    .option('--out <dir>', 'output folder', 'dist')
    .option('--format <list>', 'comma-separated: json, html, chunks (json/chunks.ndjson for search and retrieval)', 'json,html')
    .option('--ndjson', 'also write json/documents.ndjson')
    .option('--base-url <url>', 'where html/ is published: writes html/sitemap.xml and canonical links')
    .option('--no-search', 'no search page and no Pagefind index in the site')
    .action(run(async (paths: string[], flags) => (await import('./commands/export.js')).exportCommand(paths, flags, io)));

  documentOptions(program.command('build').description('lint, then export when there are no lint errors').argument('[paths...]', 'files or folders (default: contentRoot)'))
    .option('--out <dir>', 'output folder', 'dist')
    .option('--format <list>', 'comma-separated: json, html, chunks (json/chunks.ndjson for search and retrieval)', 'json,html')
    .option('--ndjson', 'also write json/documents.ndjson')
    .option('--base-url <url>', 'where html/ is published: writes html/sitemap.xml and canonical links')
    .option('--no-search', 'no search page and no Pagefind index in the site')
    .action(run(async (paths: string[], flags) => (await import('./commands/export.js')).exportCommand(paths, flags, io, true)));

  documentOptions(program.command('parse').description('print the QaDocument records as JSON').argument('<paths...>', 'files or folders'))
    .action(run(async (paths: string[], flags) => (await import('./commands/parse.js')).parseCommand(paths, flags, io)));

  documentOptions(program.command('classify').description('the Diátaxis category each document reads as, with evidence').argument('[paths...]', 'files or folders'))
    .option('-f, --format <name>', 'text or json', 'text')
    .action(run(async (paths: string[], flags) => (await import('./commands/classify.js')).classifyCommand(paths, flags, io)));

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('[rule-id]', 'a rule id such as citation/malformed')
    .option('--list', 'list every rule')
    .option('--markdown', 'print the docs page as Markdown, as published')
    .action(run(async (ruleId: string | undefined, flags: { list?: boolean; markdown?: boolean }) => {
      const { explainCommand, listRules } = await import('./commands/explain.js');
      if (flags.list || !ruleId) return listRules(io);
      return explainCommand(ruleId, flags, io);
    }));

  program
    .command('preview')
    .description('serve the site as export renders it, with the lint problems on each page, reloading on save')
    .argument('[paths...]', 'files or folders (default: contentRoot)')
    .option('-c, --config <file>', 'use this config file instead of searching for qadocs.config.*')
    .option('--root <dir>', 'content root that record paths and ids are relative to')
    .option('--port <n>', 'port to listen on (0: any free port)', '4800')
    .option('--host <address>', 'address to listen on (other machines can reach any but 127.0.0.1)', '127.0.0.1')
    .option('--threads <n>', 'worker threads (default and maximum: the cores available)')
    .option('--timeout <ms>', 'per-file time limit in milliseconds, 1 to 2147483647 (default 10000)')
    .action(run(async (paths: string[], flags) => (await import('./commands/preview.js')).previewCommand(paths, flags, io)));

  program
    .command('new')
    .description('write a scaffold for a new question, in its category\'s folder, with placeholders to replace')
    .argument('<category>', 'tutorial, how-to, reference or explanation (or a configured alias)')
    .argument('<question>', 'the question the document answers, quoted')
    .option('-c, --config <file>', 'use this config file instead of searching for qadocs.config.*')
    .option('--force', 'replace an existing file')
    .option('--stdout', 'print the scaffold; write nothing')
    .action(run(async (category: string, question: string, flags) => (await import('./commands/new.js')).newCommand(category, question, flags, io)));

  program
    .command('import')
    .description('turn a pasted AI answer into a document in its category\'s folder: footnotes, provenance, title, description, category')
    .argument('[file]', 'the paste: a file, or - (or nothing) for standard input')
    .option('-c, --config <file>', 'use this config file instead of searching for qadocs.config.*')
    .option('--category <name>', 'tutorial, how-to, reference or explanation (or a configured alias); default: the classifier\'s, when it is sure enough')
    .option('--assistant <name>', 'the assistant that wrote the answer (default: recognised from the paste)')
    .option('--date <YYYY-MM-DD>', 'the day the answer was written (default: the date of the paste\'s "Source:" line)')
    .option('--question <text>', 'the question, when the paste holds only the answer')
    .option('--force', 'replace an existing file')
    .option('--stdout', 'print the document; write nothing')
    .action(run(async (file: string | undefined, flags) => (await import('./commands/import.js')).importCommand(file, flags, io)));

  program
    .command('lsp')
    .description('start the language server that editors run (diagnostics, fixes, footnote navigation)')
    .option('--stdio', 'talk JSON-RPC over standard input and output (the only transport, and the default)')
    .action(run(async () => (await import('./commands/lsp.js')).lspCommand()));

  program.command('init').description('write a starter qadocs.config.json').action(run(async () => (await import('./commands/init.js')).initCommand(io)));

  program
    .command('merge-manifests')
    .description('merge the exports of several shards into one')
    .argument('<dirs...>', 'export folders written by `qadocs export --shard`')
    .requiredOption('--out <dir>', 'the merged export folder')
    .action(run(async (dirs: string[], flags: { out: string }) => (await import('./commands/merge-manifests.js')).mergeManifestsCommand(dirs, flags, io)));

  return program;
}

/** `--help`, `-h` or `help <command>`: the only runs whose output lists the report formats. */
function asksForHelp(argv: readonly string[]): boolean {
  return argv[0] === 'help' || argv.some((arg) => arg === '--help' || arg === '-h');
}
