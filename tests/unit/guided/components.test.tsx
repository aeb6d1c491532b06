// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Finding } from '../../../widget/core/diagnostics-relevance.ts';
import type { FlowStep } from '../../../widget/core/flow-types.ts';
import { guidedStrings } from '../../../widget/core/i18n/guided-strings.ts';
import { validateActions } from '../../../widget/core/actions.ts';
import { ActionSuggestion } from '../../../widget/ui/guided/action-suggestion.tsx';
import { DiagnosticsCard } from '../../../widget/ui/guided/diagnostics-card.tsx';
import { FlowStepMessage } from '../../../widget/ui/guided/flow-step-message.tsx';
import { StatusBanner } from '../../../widget/ui/guided/status-banner.tsx';

const strings = guidedStrings.en;
afterEach(cleanup);

function makeStep(overrides: Partial<FlowStep> = {}): FlowStep {
  return {
    id: 'power',
    title: 'Is the printer switched on?',
    html: '<p>Look for a light.</p><img src="x" onerror="alert(1)"><script>alert(2)</script>',
    answers: [{ label: 'Yes, the light is on', to: 'cable' }, { label: 'No, it’s off', to: 'turn-on' }],
    ...overrides,
  };
}

function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return { id: 'clock', status: 'problem', detail: 'device clock is 300 s ahead', articleId: 'devices/fix-clock', code: 'clockAhead', values: { minutes: 5 }, ...overrides };
}

describe('FlowStepMessage', () => {
  test('shows the question, sanitized explanation and the answers as a labelled group', async () => {
    const { container } = render(<FlowStepMessage step={makeStep()} strings={strings} active onAnswer={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Is the printer switched on?' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Yes, the light is on', 'No, it’s off']);
    // jsdom has no setHTML: the explanation arrives through the DOMPurify fallback chunk.
    expect(await screen.findByText('Look for a light.')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')?.getAttribute('onerror')).toBeNull();
  });

  test('reports the chosen answer by index', () => {
    const onAnswer = vi.fn();
    render(<FlowStepMessage step={makeStep()} strings={strings} active onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: 'No, it’s off' }));
    expect(onAnswer).toHaveBeenCalledWith(1);
  });

  test('moves focus to the first answer when it appears as the new step', () => {
    render(<FlowStepMessage step={makeStep()} strings={strings} active autoFocus onAnswer={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, the light is on' }));
  });

  test('offers Back only when there is an answer to undo, and Skip to the article', () => {
    const onBack = vi.fn();
    const onSkip = vi.fn();
    const { rerender } = render(<FlowStepMessage step={makeStep()} strings={strings} active onAnswer={() => undefined} onBack={onBack} onSkip={onSkip} />);
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    rerender(<FlowStepMessage step={makeStep()} strings={strings} active canGoBack onAnswer={() => undefined} onBack={onBack} onSkip={onSkip} />);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the article' }));
    expect(onBack).toHaveBeenCalledOnce();
    expect(onSkip).toHaveBeenCalledOnce();
  });

  test('a link to another article in the step text opens it inside the widget', async () => {
    const onOpenArticle = vi.fn();
    const step = makeStep({ html: '<p>See <a href="../printing/paper-jam.md" data-tier0-article="printing/paper-jam">Clear a paper jam</a>.</p>' });
    render(<FlowStepMessage step={step} strings={strings} active onAnswer={() => undefined} onOpenArticle={onOpenArticle} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Clear a paper jam' }));
    expect(onOpenArticle).toHaveBeenCalledWith('printing/paper-jam');
  });

  test('an answered step stays in the transcript without buttons', () => {
    render(<FlowStepMessage step={makeStep()} strings={strings} active={false} onAnswer={() => undefined} />);
    expect(screen.getByText('Is the printer switched on?')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});

describe('DiagnosticsCard', () => {
  test('asks for consent and runs only on the click', () => {
    const onRun = vi.fn();
    render(<DiagnosticsCard strings={strings} status="idle" findings={[]} onRun={onRun} articleTitle={() => undefined} onOpenArticle={() => undefined} />);
    expect(screen.getByText('Run a quick check of your browser? Nothing leaves your device unless you create a ticket.')).toBeTruthy();
    expect(onRun).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Run checks' }));
    expect(onRun).toHaveBeenCalledOnce();
  });

  test('while running, the button is disabled and says so', () => {
    render(<DiagnosticsCard strings={strings} status="running" findings={[]} onRun={() => undefined} articleTitle={() => undefined} onOpenArticle={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Checking…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('lists findings with a status word, the filled-in text and a link to the fixing article', () => {
    const onOpenArticle = vi.fn();
    const findings = [makeFinding(), makeFinding({ id: 'popups', status: 'ok', code: 'popupsOk', values: undefined, articleId: 'browser/allow-pop-ups' })];
    render(<DiagnosticsCard strings={strings} status="done" findings={findings} onRun={() => undefined}
      articleTitle={(id) => (id === 'devices/fix-clock' ? 'Fix your clock' : 'Allow pop-ups')} onOpenArticle={onOpenArticle} />);
    const items = within(screen.getByRole('list', { name: 'Check results' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Date and time: Problem');
    expect(items[0]?.textContent).toContain('Your clock is 5 min fast.');
    expect(items[1]?.textContent).toContain('Pop-ups: OK');
    expect(screen.getByRole('status').textContent).toBe('Problems found: 1');
    // Only problems link to a fix.
    expect(screen.getAllByRole('button', { name: /^How to fix it/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'How to fix it: Fix your clock' }));
    expect(onOpenArticle).toHaveBeenCalledWith('devices/fix-clock');
  });

  test('no link when the KB lacks the fixing article', () => {
    render(<DiagnosticsCard strings={strings} status="done" findings={[makeFinding()]} onRun={() => undefined} articleTitle={() => undefined} onOpenArticle={() => undefined} />);
    expect(screen.queryByRole('button', { name: /How to fix it/ })).toBeNull();
  });
});

describe('ActionSuggestion', () => {
  test('renders each action as a new-tab link with noopener noreferrer and its description', () => {
    const { actions } = validateActions([{ id: 'resetPassword', url: 'https://passwordreset.example.com/' }]);
    const onOpen = vi.fn();
    render(<ActionSuggestion actions={actions} strings={strings} onOpen={onOpen} />);
    const link = screen.getByRole('link', { name: 'Reset your password (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe('https://passwordreset.example.com/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText(strings['guided.action.resetPassword.description'])).toBeTruthy();
    fireEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith(actions[0]);
  });

  test('renders nothing without actions', () => {
    const { container } = render(<ActionSuggestion actions={[]} strings={strings} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('StatusBanner', () => {
  const incidents = [
    { id: 'vpn', title: 'VPN is down', severity: 'major' as const, message: 'Engineers are on it.', url: 'https://status.example.com/vpn' },
    { id: 'mail', title: 'Email is slow', severity: 'minor' as const },
  ];

  test('is a status region listing each incident with its severity in words', () => {
    render(<StatusBanner incidents={incidents} strings={strings} onDismiss={() => undefined} />);
    const banner = screen.getByRole('status', { name: 'Service status' });
    expect(banner.textContent).toContain('Major incident: VPN is down');
    expect(banner.textContent).toContain('Engineers are on it.');
    expect(within(banner).getByRole('link', { name: 'Details' }).getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('marks a cached copy "as of" its time', () => {
    render(<StatusBanner incidents={incidents} strings={strings} asOf="09:00" onDismiss={() => undefined} />);
    expect(screen.getAllByText('As of 09:00')).toHaveLength(2);
  });

  test('each incident is dismissible by its own labelled button', () => {
    const onDismiss = vi.fn();
    render(<StatusBanner incidents={incidents} strings={strings} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Email is slow' }));
    expect(onDismiss).toHaveBeenCalledWith('mail');
  });

  test('renders nothing when all is well', () => {
    const { container } = render(<StatusBanner incidents={[]} strings={strings} onDismiss={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
