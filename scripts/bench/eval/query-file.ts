/**
 * The format of the evaluation's query and label files (queries/*.jsonl): one JSON object per
 * line, after a header of `//` lines saying how the queries were written.
 */

/** The objects of a query or label file's text, its header and blank lines left out. */
export function parseQueryFile<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('//'))
    .map((line) => JSON.parse(line) as T);
}
