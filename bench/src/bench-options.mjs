/** What `node src/run-bench.mjs --help` prints. */
export const USAGE = `usage: pnpm bench [-- options]    (or: node bench/src/run-bench.mjs [options])

  --sizes 1000,10000   corpus sizes in documents (default 1000,10000)
  --quick              one small corpus: --sizes 200 (a smoke run, not a measurement)
  --runs N             timed runs of every command per size, interleaved (default 3)
  --only a,b           run only these command ids (the targets needing others show SKIP);
                       \`language-server\` is the editor latency and memory measurement,
                       \`preview\` the time from a save to the reloaded preview page
  --seed S             corpus seed passed to gen-corpus.mjs (default 42)
  --measure M          gnu-time (default when /usr/bin/time exists) or node (rusage of a preload)
  --timeout-s S        give up on one run after S seconds (default 1800)
  --strict             exit 1 when a contract target FAILs (a failed command always exits 1)
  -h, --help           this text`;

/** Parses the runner's arguments; throws an Error with a readable message on a bad one. */
export function parseBenchOptions(argv) {
  const options = {
    sizes: [1000, 10000],
    runs: 3,
    only: null,
    seed: 42,
    measure: null,
    timeoutSeconds: 1800,
    strict: false,
    help: false,
  };
  let quick = false;
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const [flag, inlineValue] = argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    const value = () => {
      const next = inlineValue ?? argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--sizes':
        options.sizes = value().split(',').map((size) => positiveInteger(size, '--sizes'));
        sizesGiven = true;
        break;
      case '--quick':
        quick = true;
        break;
      case '--runs':
        options.runs = positiveInteger(value(), '--runs');
        break;
      case '--only':
        options.only = value().split(',').map((id) => id.trim()).filter(Boolean);
        break;
      case '--seed':
        options.seed = integer(value(), '--seed');
        break;
      case '--measure': {
        const measure = value();
        if (measure !== 'gnu-time' && measure !== 'node') throw new Error(`--measure must be gnu-time or node, got \`${measure}\``);
        options.measure = measure;
        break;
      }
      case '--timeout-s':
        options.timeoutSeconds = positiveInteger(value(), '--timeout-s');
        break;
      case '--strict':
        options.strict = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--':
        break;
      default:
        throw new Error(`unknown argument \`${argument}\`\n\n${USAGE}`);
    }
  }
  if (quick && !sizesGiven) options.sizes = [200];
  return options;
}

function integer(text, flag) {
  if (!/^-?\d+$/.test(text.trim())) throw new Error(`${flag} expects an integer, got \`${text}\``);
  return Number(text);
}

function positiveInteger(text, flag) {
  const number = integer(text, flag);
  if (number < 1) throw new Error(`${flag} expects a positive integer, got \`${text}\``);
  return number;
}
