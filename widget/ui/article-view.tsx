/**
 * One article, loaded lazily (its own chunk). The compiled HTML is inserted only through the
 * sanitizer (services/sanitize.ts: the browser's `setHTML`, or the DOMPurify fallback chunk); article links open inside the widget, #anchors scroll inside
 * the panel, code blocks get a Copy button, and "Was this helpful?" records feedback.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetController } from '../services/widget-controller.ts';
import type { WidgetState } from '../core/state.ts';
import { format, type Strings } from '../core/i18n/strings.ts';
import { insertSanitized } from '../services/sanitize.ts';
import { Icon } from './icons.tsx';
import { openAtSection } from './open-at-section.ts';

export interface ArticleViewProps {
  state: WidgetState;
  controller: WidgetController;
  strings: Strings;
  canEscalate: boolean;
  locale: string;
}

/** The article screen. */
export function ArticleView({ state, controller, strings, canEscalate, locale }: ArticleViewProps) {
  const article = state.article;
  const proseRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const id = article?.id ?? '';
  const status = article?.status ?? 'loading';
  const meta = controller.meta(id);
  // The article whose sanitizer chunk failed to load (offline before it was ever fetched).
  const [failed, setFailed] = useState('');

  useEffect(() => {
    const el = proseRef.current;
    if (!el) return;
    const body = status === 'ready' ? controller.body(id) : undefined;
    if (!body) {
      el.textContent = '';
      return;
    }
    let current = true;
    const shown = (): void => {
      if (!current) return;
      enhance(el, controller.kbUrl, meta?.title ?? '', strings, canEscalate);
      el.closest('.t0-body')?.scrollTo?.({ top: 0 });
      const anchor = article?.anchor;
      if (!anchor || !openAtSection(el, anchor)) titleRef.current?.focus({ preventScroll: true });
      controller.articleShown(id);
    };
    const pending = insertSanitized(el, body.html);
    if (!pending) shown();
    // The fallback chunk could not load (offline, blocked): the notice of a failed article.
    else pending.then(shown, () => current && setFailed(id));
    return () => { current = false; };
  }, [id, status]);

  const onClick = (e: MouseEvent): void => {
    const target = e.target as Element | null;
    const copy = target?.closest<HTMLButtonElement>('button.t0-copy');
    if (copy) {
      const code = copy.parentElement?.querySelector('code') ?? copy.parentElement;
      const text = code?.textContent ?? '';
      void navigator.clipboard?.writeText(text).then(() => {
        copy.textContent = strings.copied;
        copy.setAttribute('aria-label', strings.copied);
        setTimeout(() => {
          copy.textContent = strings.copy;
          copy.setAttribute('aria-label', strings.copyCode);
        }, 1500);
      }, () => { /* clipboard refused (permissions): the code stays selectable by hand */ });
      return;
    }
    const end = target?.closest<HTMLButtonElement>('button.t0-flow-end');
    if (end) {
      if (end.getAttribute('data-outcome') === 'solved') controller.articleFeedback(id, true);
      else controller.escalate(`flow:${id}`);
      return;
    }
    const link = target?.closest<HTMLAnchorElement>('a[href], a[data-tier0-article]');
    if (!link) return;
    const articleId = link.getAttribute('data-tier0-article');
    const href = link.getAttribute('href') ?? '';
    if (articleId) {
      e.preventDefault();
      controller.openArticle(articleId, true, link.getAttribute('data-tier0-anchor') ?? undefined);
    } else if (href.startsWith('#')) {
      e.preventDefault();
      const name = decodeURIComponent(href.slice(1));
      const sel = name.replace(/["\\]/g, '\\$&');
      const dest = name ? proseRef.current?.querySelector(`[id="${sel}"], [name="${sel}"]`) : null;
      dest?.scrollIntoView?.({ block: 'start', behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  };

  const viewed = state.articlesViewed.find((a) => a.id === id);
  const helpful = viewed?.helpful;
  const updated = meta?.updated ? formatDate(meta.updated, locale) : '';

  return (
    <article class="t0-article" aria-labelledby="t0-article-title">
      <h2 id="t0-article-title" class="t0-article-title" tabIndex={-1} ref={titleRef} dir="auto">
        {meta?.title ?? (status === 'missing' ? strings.articleMissing : '')}
      </h2>
      {updated && <p class="t0-article-meta">{format(strings.updated, { date: updated })}</p>}
      {status === 'loading' && (
        <div role="status" aria-label={strings.loading}>
          <div class="t0-skeleton" /><div class="t0-skeleton" /><div class="t0-skeleton" />
        </div>
      )}
      {(status === 'error' || failed === id) && (
        <div class="t0-notice" role="alert">
          <p>{strings.errorArticle}</p>
          <button type="button" class="t0-btn" onClick={() => { setFailed(''); controller.retryArticle(); }}>
            <Icon name="refresh" />{strings.retry}
          </button>
        </div>
      )}
      {status === 'missing' && <p class="t0-muted">{strings.articleMissing}</p>}
      <div class="t0-prose" ref={proseRef} onClick={onClick} dir="auto" />
      {status === 'ready' && (
        <div class="t0-article-feedback" role="group" aria-labelledby="t0-helpful">
          <p id="t0-helpful">{strings.articleHelpful}</p>
          {helpful === undefined ? (
            <div class="t0-row">
              <button type="button" class="t0-btn" onClick={() => controller.articleFeedback(id, true)}>{strings.yes}</button>
              <button type="button" class="t0-btn" onClick={() => controller.articleFeedback(id, false)}>{strings.no}</button>
            </div>
          ) : (
            <>
              <p role="status" class="t0-muted">{helpful ? strings.feedbackThanks : strings.feedbackSorry}</p>
              {!helpful && canEscalate && (
                <button type="button" class="t0-btn t0-btn-primary" onClick={() => controller.escalate('not-helpful')}>
                  <Icon name="person" />{strings.contactSupport}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </article>
  );
}

/**
 * Post-insertion touches on sanitized HTML: duplicate title, media URLs, copy buttons, and a
 * guided flow's end answers. Those are compiled as emphasized text (`data-tier0-flow-end`), which
 * beside the flow's in-page links read as plain italics: here they become controls of the same
 * weight as the links, tagged with how the path ends. "Solved" records the article as helpful,
 * "needs support" opens the contact form (tagged only, when there is no form).
 */
function enhance(el: HTMLElement, kbUrl: string, title: string, strings: Strings, canEscalate: boolean): void {
  const first = el.firstElementChild;
  if (first?.tagName === 'H1' && first.textContent?.trim() === title.trim()) first.remove();
  for (const img of el.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    // Bundle-relative media resolve against the KB folder, not the host page.
    if (!/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) img.setAttribute('src', new URL(src, kbUrl).href);
    img.setAttribute('loading', 'lazy');
  }
  for (const pre of el.querySelectorAll('pre')) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 't0-copy';
    btn.textContent = strings.copy;
    btn.setAttribute('aria-label', strings.copyCode);
    pre.appendChild(btn);
  }
  for (const end of el.querySelectorAll('em[data-tier0-flow-end]')) {
    const outcome = end.getAttribute('data-tier0-flow-end') === 'solved' ? 'solved' : 'support';
    // A <button> defaults to type=submit only inside a form; the prose has none.
    const control = document.createElement(outcome === 'support' && !canEscalate ? 'span' : 'button');
    control.className = 't0-flow-end';
    control.setAttribute('data-outcome', outcome);
    const tag = document.createElement('span');
    tag.textContent = outcome === 'solved' ? strings.flowEndSolved : strings.flowEndSupport;
    // The space keeps "It prints now Solved" two words in the accessible name.
    control.append(...end.childNodes, ' ', tag);
    end.replaceWith(control);
  }
}

function formatDate(value: string, locale: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
  } catch {
    return value; // an Intl without this locale: the raw ISO date still reads fine
  }
}
