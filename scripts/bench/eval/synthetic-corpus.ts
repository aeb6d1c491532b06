/**
 * Deterministic synthetic IT knowledge bases for `tier0 bench`: thousands of realistic-looking
 * help articles (300–800 words, front matter, Symptoms/Cause/Resolution sections, numbered steps)
 * and the queries users would type for them. Body text comes from a word-bigram chain trained on
 * real help articles, so the vocabulary is as large and as skewed as a real KB's: a generator
 * with a small word list would make any search engine look fast.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Seeded PRNG (mulberry32): the same seed always writes the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const PRODUCTS = [
  'Outlook', 'Teams', 'OneDrive', 'SharePoint', 'Excel', 'Word', 'PowerPoint', 'Windows 11', 'Windows 10', 'macOS',
  'the VPN client', 'Wi-Fi', 'the printer', 'the scanner', 'Zoom', 'Slack', 'Chrome', 'Edge', 'Firefox', 'BitLocker',
  'Citrix Workspace', 'Okta', 'the Authenticator app', 'your laptop', 'the docking station', 'an external monitor',
  'your headset', 'the webcam', 'the keyboard', 'the mouse', 'your iPhone', 'your Android phone', 'Jira', 'Confluence',
  'Salesforce', 'SAP GUI', 'Adobe Acrobat', 'Dropbox', 'Google Drive', 'Gmail', 'the shared mailbox', 'the calendar',
  'the self-service portal', 'the company intranet', 'Remote Desktop', 'the file share', 'the badge reader',
];
const SYMPTOMS = [
  "won't start", 'keeps crashing', 'is very slow', 'shows offline', 'keeps asking for a password', 'cannot connect',
  'freezes', 'is not syncing', 'is missing', 'has no sound', 'shows a blank screen', 'says access denied',
  'stopped working after an update', 'disconnects every few minutes', 'cannot find the server', 'shows a certificate warning',
  'will not sign in', 'prints blank pages', 'does not show new messages', 'is stuck on loading', 'runs out of space',
  'shows the wrong time zone', 'rejects my PIN', 'opens in the wrong app', 'has a license error',
];
const QUALIFIERS = [
  '', '', '', 'on a Mac', 'after the latest update', 'when working from home', 'on the guest network', 'for new employees',
  'in the office', 'on a shared computer', 'with two monitors', 'after a password change', 'when on battery',
];
const CATEGORIES = ['accounts', 'email', 'network', 'devices', 'printing', 'security', 'software', 'meetings', 'browser', 'storage', 'phones', 'access'];
const USER_WORDS = ['help', 'not working', 'broken', 'issue', 'problem', 'cant', "won't", 'how to', 'fix', 'again'];

/** Word-bigram chain: next words with their counts, learned from real text. */
export interface TextModel {
  starts: string[];
  next: Map<string, string[]>;
}

/** Learns a word-bigram model from plain text (sentences split on . ! ?). */
export function trainTextModel(texts: readonly string[]): TextModel {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const words = sentence.split(/\s+/).filter((word) => word && word.length < 30 && !/[<>{}[\]|\\`#*_]/.test(word));
      if (words.length < 4) continue;
      starts.push(words[0] as string);
      for (let i = 0; i < words.length - 1; i++) {
        const list = next.get(words[i] as string) ?? [];
        if (list.length < 400) list.push(words[i + 1] as string);
        next.set(words[i] as string, list);
      }
    }
  }
  return { starts, next };
}

function sentence(model: TextModel, random: Random, topic: string): string {
  let word = pick(random, model.starts);
  const words = [word];
  while (words.length < 30) {
    const options = model.next.get(word);
    if (!options || /[.!?]$/.test(word)) break;
    word = pick(random, options);
    words.push(word);
  }
  // Keep articles on topic: real help text names its product every few sentences.
  if (random() < 0.45) words.splice(Math.floor(random() * words.length), 0, topic);
  const text = words.join(' ');
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function paragraph(model: TextModel, random: Random, topic: string, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(model, random, topic)).join(' ');
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface SyntheticArticle {
  relative: string;
  title: string;
  markdown: string;
}

/** Generates `count` articles deterministically from `seed`. */
export function generateArticles(count: number, seed: number, model: TextModel): SyntheticArticle[] {
  const random = createRandom(seed);
  const used = new Set<string>();
  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const product = pick(random, PRODUCTS);
    const symptom = pick(random, SYMPTOMS);
    const qualifier = pick(random, QUALIFIERS);
    const name = product.replace(/^(the|your|an) /, '');
    let title = `${name[0]!.toUpperCase()}${name.slice(1)} ${symptom}${qualifier ? ` ${qualifier}` : ''}`;
    if (used.has(title)) title = `${title} (${Math.floor(random() * 9000 + 1000)})`;
    used.add(title);
    const category = pick(random, CATEGORIES);
    const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${i}`;
    const target = 300 + Math.floor(random() * 500);
    const sections = [
      `When ${product} ${symptom}, ${paragraph(model, random, name, 2)}`,
      `## Symptoms\n\n${paragraph(model, random, name, 3)}`,
      `## Cause\n\n${paragraph(model, random, name, 2)}`,
    ];
    const steps: string[] = [];
    let words = countWords(sections.join(' '));
    while (words < target - 40) {
      const step = `${steps.length + 1}. ${sentence(model, random, name)}`;
      steps.push(step);
      words += countWords(step);
      if (steps.length % 6 === 0) {
        const extra = `\n## More information\n\n${paragraph(model, random, name, 2)}\n`;
        steps.push(extra);
        words += countWords(extra);
      }
    }
    if (random() < 0.2) steps.push(`\n\`\`\`\nipconfig /flushdns\nerror 0x8007${Math.floor(random() * 0xffff).toString(16).padStart(4, '0')}\n\`\`\``);
    const aliases = random() < 0.4 ? `aliases: ["${name.toLowerCase()} ${pick(random, USER_WORDS)}"]\n` : '';
    const front = `---\ntitle: "${title.replace(/"/g, "'")}"\ndescription: "How to fix ${name} when it ${symptom.replace(/"/g, "'")}."\ntags: [${category}, ${name.toLowerCase().replace(/[^a-z0-9 -]/g, '')}]\n${aliases}---\n`;
    const markdown = `${front}\n# ${title}\n\n${sections.join('\n\n')}\n\n## Resolution\n\n${steps.join('\n')}\n`;
    articles.push({ relative: `${category}/${slug}.md`, title, markdown });
  }
  return articles;
}

/** Writes generated articles under `dir`. */
export async function writeArticles(dir: string, articles: readonly SyntheticArticle[]): Promise<void> {
  for (const category of new Set(articles.map((article) => path.dirname(article.relative)))) {
    await mkdir(path.join(dir, category), { recursive: true });
  }
  for (const article of articles) await writeFile(path.join(dir, article.relative), article.markdown);
}

/** Injects one typing mistake (swap, drop or double a letter) into a word of 4+ letters. */
function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.4) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind < 0.7) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

/** Queries users would type for generated articles: short, lowercase, some misspelt. */
export function generateQueries(articles: readonly SyntheticArticle[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const article = pick(random, articles);
    const words = article.title
      .toLowerCase()
      .replace(/\(\d+\)/g, '')
      .split(/\s+/)
      .filter((word) => word && !['the', 'a', 'an', 'is', 'on', 'in', 'for', 'of', 'to', 'with', 'when', 'after'].includes(word));
    const start = Math.floor(random() * Math.max(1, words.length - 2));
    let chosen = words.slice(start, start + 2 + Math.floor(random() * 2));
    if (random() < 0.3) chosen = chosen.map((word, index) => (index === chosen.length - 1 ? typo(word, random) : word));
    if (random() < 0.2) chosen.push(pick(random, USER_WORDS));
    queries.push(chosen.join(' '));
  }
  return queries;
}
