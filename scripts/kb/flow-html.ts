/**
 * Compiles a parsed flow twice over: into the `Flow` the chat walks step by step, and into a
 * readable article section (steps as headings, answers as in-page links) for everyone else.
 * `#solved` / `#support` answers become emphasized text carrying `data-tier0-flow-end`, which
 * the widget wires up; read as an article they simply say how the path ends. Titles and labels
 * in the `Flow` are plain text (markup stripped), since the chat shows them as text.
 */
import { FLOW_SOLVED, FLOW_SUPPORT, type Flow, type FlowStep } from '../../widget/core/flow-types.ts';
import type { FlowOutline } from '../../widget/core/flow-validate.ts';
import { inlineMarkdownText, type ParsedFlow } from './flow-parse.ts';
import { escapeHtml, type Markdown, type RenderScope } from './markdown.ts';
import { htmlToText } from './plain-text.ts';

/** The outline flow-validate.ts checks. */
export function flowOutline(parsed: ParsedFlow): FlowOutline {
  return {
    line: parsed.line,
    closed: parsed.closed,
    steps: parsed.steps.map((step) => ({
      id: step.id,
      line: step.line,
      answers: step.answers.map((answer) => ({ label: inlineMarkdownText(answer.label), to: answer.to, line: answer.line })),
    })),
  };
}

/** Renders a flow as an article section and as the chat's `Flow`. */
export function renderFlow(
  parsed: ParsedFlow,
  fallbackTitle: string,
  markdown: Markdown,
  scope: RenderScope,
): { html: string; flow: Flow } {
  const titleHtml = parsed.title ? markdown.renderInline(parsed.title, scope) : escapeHtml(fallbackTitle);
  const title = parsed.title ? htmlToText(titleHtml) : fallbackTitle;
  scope.headings.push(title);
  const parts = [`<section class="t0-flow">\n<h2 id="${escapeHtml(scope.slugger.slug(title))}">${titleHtml}</h2>\n`];
  if (parsed.intro.trim()) parts.push(markdown.render(markdown.lex(parsed.intro), { ...scope, offset: parsed.introOffset }));

  const steps: Record<string, FlowStep> = {};
  for (const step of parsed.steps) {
    const stepScope = { ...scope, offset: step.bodyOffset };
    const headingHtml = markdown.renderInline(step.heading, stepScope);
    const stepTitle = htmlToText(headingHtml);
    const html = markdown.render(markdown.lex(step.body), stepScope);
    scope.headings.push(stepTitle);
    const answers = step.answers.map((answer) => ({ ...answer, html: markdown.renderInline(answer.label, stepScope) }));
    const items = answers.map((answer) =>
      answer.to === FLOW_SOLVED || answer.to === FLOW_SUPPORT
        ? `<li><em class="t0-flow-end" data-tier0-flow-end="${answer.to}">${answer.html}</em></li>`
        : `<li><a href="#${escapeHtml(answer.to)}">${answer.html}</a></li>`,
    );
    parts.push(
      `<h3 id="${escapeHtml(step.id)}">${headingHtml}</h3>\n${html}`,
      items.length ? `<ul class="t0-flow-answers">\n${items.join('\n')}\n</ul>\n` : '',
    );
    steps[step.id] ??= {
      id: step.id,
      title: stepTitle,
      html,
      answers: answers.map((answer) => ({ label: htmlToText(answer.html), to: answer.to })),
    };
  }
  parts.push('</section>\n');
  return { html: parts.join(''), flow: { title, start: parsed.steps[0]?.id ?? '', steps } };
}
