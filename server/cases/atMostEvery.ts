/**
 * Calls `tell` with the first value at once, then at most once per `ms` with the latest value given meanwhile
 * (a leading and trailing throttle). Values in between are dropped: each stands for "look again", and looking
 * once after the last one sees them all. `stop` cancels a pending call.
 */
export function atMostEvery<T>(ms: number, tell: (value: T) => void): { give: (value: T) => void; stop: () => void } {
  let windowOpen: ReturnType<typeof setTimeout> | undefined;
  let latest: { value: T } | undefined;
  let stopped = false;
  const give = (value: T) => {
    if (stopped) return;
    if (windowOpen) {
      latest = { value };
      return;
    }
    tell(value);
    windowOpen = setTimeout(() => {
      windowOpen = undefined;
      const next = latest;
      latest = undefined;
      if (next) give(next.value);
    }, ms);
  };
  return {
    give,
    stop: () => {
      stopped = true;
      clearTimeout(windowOpen);
    },
  };
}
