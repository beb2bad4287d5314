// The audit log: every request the stage answered, every action that changed (or was
// refused from changing) its state, and every input into a Facebook login field, with
// times, so a test can assert exactly what happened. Bounded: the oldest entries go
// first, and `dropped` says how many.
export const LOG_LIMIT = 20000;

export function createLog(limit = LOG_LIMIT) {
  let entries = [];
  let dropped = 0;
  let seq = 0;
  const start = Date.now();
  return {
    /** kind: request | action | refused | login_input */
    add(kind, fields) {
      const now = Date.now();
      entries.push({ seq: ++seq, time: new Date(now).toISOString(), ms: now - start, kind, ...fields });
      if (entries.length > limit) {
        const over = entries.length - limit;
        entries = entries.slice(over);
        dropped += over;
      }
    },
    read(kind) {
      return { dropped, entries: kind ? entries.filter((e) => e.kind === kind) : entries };
    },
    clear() {
      entries = [];
      dropped = 0;
    },
  };
}
