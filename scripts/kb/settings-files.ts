/** The two optional settings files of a content folder: synonyms.yml and categories.yml. */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseYaml, type YamlIssue } from './yaml-file.ts';

export interface CategorySetting {
  title?: string;
  order?: number;
}

/** Reads synonyms.yml: a YAML list of groups, each a list of words that mean the same. */
export function readSynonyms(text: string): { groups: string[][]; issues: YamlIssue[] } {
  const parsed = parseYaml(text);
  if (parsed.issues.length > 0) return { groups: [], issues: parsed.issues };
  const root = parsed.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { groups: [], issues: [] };
  const expected = 'synonyms.yml must be a list of groups, e.g. "- [pw, password, passcode]"';
  if (!isSeq(root)) return { groups: [], issues: [{ line: parsed.lineOf(root), message: expected }] };
  const groups: string[][] = [];
  const issues: YamlIssue[] = [];
  for (const group of root.items as Node[]) {
    if (!isSeq(group)) {
      issues.push({ line: parsed.lineOf(group), message: expected });
      continue;
    }
    const words: string[] = [];
    for (const word of group.items as Node[]) {
      if (isScalar(word) && word.value !== null && typeof word.value !== 'object') {
        const text = String(word.value).trim();
        if (text) words.push(text);
      } else issues.push({ line: parsed.lineOf(word), message: 'a synonym must be a word or phrase' });
    }
    if (words.length >= 2) groups.push(words);
  }
  return { groups, issues };
}

/** Reads categories.yml: `folder: { title, order }` (or `folder: Title`) per category. */
export function readCategories(text: string): { categories: Map<string, CategorySetting>; issues: YamlIssue[] } {
  const categories = new Map<string, CategorySetting>();
  const parsed = parseYaml(text);
  if (parsed.issues.length > 0) return { categories, issues: parsed.issues };
  const root = parsed.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { categories, issues: [] };
  const expected = 'categories.yml must map folders to settings, e.g. "printing: { title: Printers, order: 2 }"';
  if (!isMap(root)) return { categories, issues: [{ line: parsed.lineOf(root), message: expected }] };
  const issues: YamlIssue[] = [];
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (isScalar(value) && typeof value.value === 'string') {
      categories.set(id, { title: value.value.trim() });
      continue;
    }
    if (!isMap(value)) {
      issues.push({ line: parsed.lineOf(pair.key), message: expected });
      continue;
    }
    const setting: CategorySetting = {};
    for (const field of value.items as Pair<Node, Node | null>[]) {
      const key = isScalar(field.key) ? String(field.key.value) : '';
      const fieldValue = isScalar(field.value) ? field.value.value : undefined;
      if (key === 'title') {
        if (typeof fieldValue === 'string' || typeof fieldValue === 'number') setting.title = String(fieldValue).trim();
        else issues.push({ line: parsed.lineOf(field.key), message: `category "${id}": title must be text` });
      } else if (key === 'order') {
        if (typeof fieldValue === 'number' && Number.isFinite(fieldValue)) setting.order = fieldValue;
        else issues.push({ line: parsed.lineOf(field.key), message: `category "${id}": order must be a number` });
      }
    }
    categories.set(id, setting);
  }
  return { categories, issues };
}
