/**
 * The self-diagnostics card: asks consent, runs the checks on the user's click, then lists each
 * finding with an icon and a status word (never colour alone) and a link to the fixing article.
 */
import type { DiagnosticId, Finding, FindingStatus } from '../../core/diagnostics-relevance.ts';
import { format } from '../../core/i18n/strings.ts';

export interface DiagnosticsCardProps {
  strings: Record<string, string>;
  status: 'idle' | 'running' | 'done';
  findings: readonly Finding[];
  /**
   * Called from the click on "Run checks". Start the checks synchronously here (runDiagnostics):
   * the pop-up check only works while the browser still counts the click as a user gesture.
   */
  onRun: () => void;
  /** Title of a KB article, or undefined when the KB lacks it (then no link is shown). */
  articleTitle: (id: string) => string | undefined;
  onOpenArticle: (id: string) => void;
}

const MARKS: Record<FindingStatus, string> = { ok: '✓', problem: '!', unknown: '?' };

/** Consent, "Run checks", then the findings. */
export function DiagnosticsCard({ strings, status, findings, onRun, articleTitle, onOpenArticle }: DiagnosticsCardProps) {
  const problems = findings.filter((f) => f.status === 'problem').length;
  return (
    <section class="t0-diag" aria-label={strings['guided.diag.title']}>
      {status !== 'done' && (
        <>
          <p class="t0-diag-consent">{strings['guided.diag.consent']}</p>
          <button type="button" class="t0-diag-run" onClick={onRun} disabled={status === 'running'} aria-busy={status === 'running'}>
            {status === 'running' ? strings['guided.diag.running'] : strings['guided.diag.run']}
          </button>
        </>
      )}
      {status === 'done' && (
        <>
          {/* A live region: the results arrive after the click without a new chat message. */}
          <p class="t0-diag-summary" role="status">
            {problems === 0 ? strings['guided.diag.allOk'] : format(strings['guided.diag.problemsFound'] ?? '', { count: problems })}
          </p>
          <ul class="t0-diag-results" aria-label={strings['guided.diag.resultsLabel']}>
            {findings.map((finding) => (
              <FindingRow key={finding.id} finding={finding} strings={strings} articleTitle={articleTitle} onOpenArticle={onOpenArticle} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FindingRow({ finding, strings, articleTitle, onOpenArticle }: {
  finding: Finding;
  strings: Record<string, string>;
  articleTitle: (id: string) => string | undefined;
  onOpenArticle: (id: string) => void;
}) {
  const name = strings[`guided.diag.name.${finding.id satisfies DiagnosticId}`] ?? finding.id;
  const text = format(strings[`guided.diag.${finding.code}`] ?? finding.detail, finding.values ?? {});
  const title = finding.status === 'problem' && finding.articleId ? articleTitle(finding.articleId) : undefined;
  return (
    <li class="t0-diag-item" data-status={finding.status}>
      <span class="t0-diag-mark" aria-hidden="true">{MARKS[finding.status]}</span>
      <span class="t0-diag-text">
        <strong>{name}: {strings[`guided.diag.status.${finding.status}`]}</strong>
        <span class="t0-diag-detail">{text}</span>
        {title && finding.articleId && (
          <button type="button" class="t0-diag-fix" onClick={() => onOpenArticle(finding.articleId as string)}>
            {strings['guided.diag.fix']}: <bdi>{title}</bdi>
          </button>
        )}
      </span>
    </li>
  );
}
