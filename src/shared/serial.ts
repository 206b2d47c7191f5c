// Work that can be asked for again before it is done — background events (settings, policy,
// permissions, alarms, messages) that fire together, a second share while a warning is open. A
// task made with `serial` runs after the previous run of the same task has finished, so two runs
// never interleave; a failed run does not block the next.
export function serial<A extends unknown[], R>(task: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = last.then(() => task(...args));
    last = run.catch(() => undefined);
    return run;
  };
}
