/** Which files of a content folder are articles, include snippets or settings. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Settings files at the top of the content folder (not articles). */
export const SYNONYMS_FILE = 'synonyms.yml';
export const CATEGORIES_FILE = 'categories.yml';

/** Lists every `.md` file under `root` as sorted `/`-separated relative paths (dot folders skipped). */
export async function listMarkdownFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) found.push(child);
    }
  };
  await walk('');
  return found.sort();
}

/**
 * Files at the top of a content folder that document the repository rather than help users
 * (a KB kept in git usually has a README; the eval corpora carry a SOURCE.md).
 */
const REPOSITORY_FILES = new Set(['readme.md', 'source.md', 'license.md', 'contributing.md', 'changelog.md', 'code_of_conduct.md']);

/**
 * False for files that are not articles: include snippets (`_name.md`, anything in an
 * `includes` or `_includes` folder) and repository documentation at the top level.
 */
export function isArticlePath(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.length === 1 && REPOSITORY_FILES.has(relative.toLowerCase())) return false;
  if (parts[parts.length - 1]!.startsWith('_')) return false;
  return !parts.slice(0, -1).some((folder) => folder === 'includes' || folder === '_includes');
}
