/**
 * Resolves with the signal when the user stops a long-running command (Ctrl+C sends SIGINT; a process
 * manager SIGTERM). The handlers replace Node's default (exit at once, code 130), so the command can
 * close its server and watcher and exit 0; they are removed once the signal came.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
