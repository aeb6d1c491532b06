/**
 * The description pre-fill: a short account of what the user already tried, so the agent does
 * not ask again. Written in the user's language (it is their text to edit) and secret-masked.
 */
import type { ConversationFacts } from './conversation-facts.ts';
import type { Translate } from './format.ts';
import { maskSecrets } from './secrets.ts';

// Keeps the pre-fill readable; the full transcript travels with the ticket anyway.
const MAX_ITEMS = 5;

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const key = item.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item.trim());
  }
  return out;
}

/** A short, localized summary of the questions asked, searches, articles read and flow answers. */
export function summarizeAttempts(facts: ConversationFacts, t: Translate): string {
  const lines: string[] = [];
  const questions = unique(facts.questions ?? facts.transcript.filter((e) => e.role === 'user').map((e) => e.text));
  const searches = unique(facts.searches).filter((s) => !questions.some((q) => q.toLowerCase() === s.toLowerCase()));
  // A capped list says how much it left out, so the agent knows to read the transcript.
  const more = (total: number): string[] => (total > MAX_ITEMS ? [`- ${t('ticket.summary.more', { count: total - MAX_ITEMS })}`] : []);
  for (const q of questions.slice(0, MAX_ITEMS)) lines.push(`- ${t('ticket.summary.asked', { text: maskSecrets(q) })}`);
  lines.push(...more(questions.length));
  if (searches.length > 0) {
    const quoted = searches.slice(0, MAX_ITEMS).map((s) => `"${maskSecrets(s)}"`);
    if (searches.length > MAX_ITEMS) quoted.push(t('ticket.summary.more', { count: searches.length - MAX_ITEMS }));
    lines.push(`- ${t('ticket.summary.searched', { text: quoted.join(', ') })}`);
  }
  const articles = facts.articlesViewed.filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  for (const article of articles.slice(0, MAX_ITEMS)) {
    const verdict =
      article.helpful === true
        ? 'ticket.summary.helped'
        : article.helpful === false
          ? 'ticket.summary.notHelped'
          : 'ticket.summary.noVerdict';
    lines.push(`- ${t('ticket.summary.read', { title: article.title ?? article.id })} ${t(verdict)}`.trimEnd());
  }
  lines.push(...more(articles.length));
  // Only the answers still standing (the ones undone with Back are gone), in the order given.
  for (const answer of facts.flowAnswers) {
    // {flow} is offered so a strings table can name the guide; the built-in texts do not yet.
    lines.push(`- ${t('ticket.summary.flow', { flow: answer.flow ?? '', step: answer.step, answer: answer.answer })}`);
  }
  if (lines.length === 0) return '';
  return `${t('ticket.summary.heading')}\n${lines.join('\n')}\n\n`;
}

/** The category the articles read point to (most read, first on a tie), or '' when none. */
export function deriveCategory(facts: ConversationFacts): string {
  const counts = new Map<string, number>();
  for (const article of facts.articlesViewed) {
    if (!article.category) continue;
    counts.set(article.category, (counts.get(article.category) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [category, count] of counts) {
    if (count > bestCount) {
      best = category;
      bestCount = count;
    }
  }
  return best;
}

/** The subject pre-fill: the user's first question (masked), trimmed to one line. */
export function deriveSubject(facts: ConversationFacts): string {
  const first = facts.firstQuestion ?? facts.transcript.find((e) => e.role === 'user')?.text ?? facts.searches[0] ?? '';
  const line = maskSecrets(first.replace(/\s+/g, ' ').trim());
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
