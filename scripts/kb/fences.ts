/** Fenced code detection for the line-based passes that must leave code samples untouched. */

const OPEN = /^\s*(`{3,}|~{3,})/;
const CLOSE = /^\s*(`{3,}|~{3,})\s*$/;

export interface FenceTracker {
  /** Feeds the next line; true when it opens, continues or closes a fenced code block. */
  isCode(line: string): boolean;
}

/** Tracks ``` / ~~~ fences line by line (any indentation, since fences nest in list items). */
export function createFenceTracker(): FenceTracker {
  let fence: string | null = null;
  return {
    isCode(line) {
      if (fence === null) {
        const open = OPEN.exec(line);
        if (open) fence = open[1]!;
        return open !== null;
      }
      const close = CLOSE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = null;
      return true;
    },
  };
}
