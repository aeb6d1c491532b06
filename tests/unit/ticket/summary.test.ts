import { expect, test } from 'vitest';
import { deriveCategory, deriveSubject, summarizeAttempts } from '../../../widget/core/ticket/summary.ts';
import { SECRET_MASK } from '../../../widget/core/ticket/secrets.ts';
import { makeFacts, t } from './factories.ts';
import { makeTranslate } from '../../../widget/core/ticket/format.ts';
import { ticketStrings } from '../../../widget/core/i18n/ticket-strings.ts';

test('summarizes questions, searches, articles read with their verdict and flow answers', () => {
  const summary = summarizeAttempts(
    makeFacts({
      questions: ['printer offline'],
      searches: ['printer offline', 'cant print'],
      articlesViewed: [
        { id: 'printing/printer-offline', title: 'Printer shows "Offline"', helpful: false },
        { id: 'printing/add-printer', title: 'Add a printer', helpful: true },
        { id: 'printing/drivers', title: 'Drivers', helpful: null },
      ],
      flowAnswers: [{ step: 'Is the printer switched on?', answer: 'Yes' }],
    }),
    t,
  );
  expect(summary).toBe(
    [
      'What I already tried:',
      '- Asked: “printer offline”',
      '- Searched for "cant print"',
      '- Read “Printer shows "Offline"” — it didn’t help',
      '- Read “Add a printer” — it helped',
      '- Read “Drivers”',
      '- Guided steps: Is the printer switched on? → Yes',
      '',
      '',
    ].join('\n'),
  );
});

test('is empty when nothing was tried, leaving the description blank', () => {
  expect(summarizeAttempts(makeFacts({ transcript: [], searches: [], articlesViewed: [], questions: [] }), t)).toBe('');
});

test('masks secrets the user typed into questions and searches', () => {
  const summary = summarizeAttempts(makeFacts({ questions: ['my password is hunter2'], searches: ['pw: s3cret'] }), t);
  expect(summary).not.toContain('hunter2');
  expect(summary).not.toContain('s3cret');
  expect(summary).toContain(SECRET_MASK);
});

test('derives the subject from the first question, on one line, masked and shortened', () => {
  expect(deriveSubject(makeFacts({ firstQuestion: 'printer\n  offline' }))).toBe('printer offline');
  expect(deriveSubject(makeFacts({ firstQuestion: 'pw: hunter2 fails' }))).toBe(`pw: ${SECRET_MASK} fails`);
  expect(deriveSubject(makeFacts({ firstQuestion: 'x'.repeat(300) })).length).toBe(120);
});

test('derives the category the articles read point to most', () => {
  expect(
    deriveCategory(
      makeFacts({
        articlesViewed: [
          { id: 'a/1', category: 'accounts', helpful: null },
          { id: 'p/1', category: 'printing', helpful: null },
          { id: 'p/2', category: 'printing', helpful: null },
        ],
      }),
    ),
  ).toBe('printing');
  expect(deriveCategory(makeFacts({ articlesViewed: [] }))).toBe('');
});

test('offers the flow title to a strings table that names the guide', () => {
  const named = makeTranslate({ ...ticketStrings.en, 'ticket.summary.flow': '{flow}: {step} → {answer}' });
  const summary = summarizeAttempts(
    makeFacts({
      questions: [],
      searches: [],
      articlesViewed: [],
      flowAnswers: [
        { flow: 'Fix an offline printer', step: 'Is the printer on?', answer: 'Yes' },
        { flow: 'Fix an offline printer', step: 'Can others print?', answer: 'No' },
      ],
    }),
    named,
  );
  expect(summary).toContain('- Fix an offline printer: Is the printer on? → Yes\n- Fix an offline printer: Can others print? → No');
});

test('says how many questions, searches and articles the capped lists left out', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'];
  const searches = [...questions, 's1', 's2', 's3', 's4', 's5', 's6'];
  const articlesViewed = ['a', 'b', 'c', 'd', 'e', 'f', 'a'].map((id) => ({ id, title: `Article ${id}`, helpful: null }));
  const summary = summarizeAttempts(makeFacts({ questions, searches, articlesViewed, flowAnswers: [] }), t);
  const lines = summary.split('\n');
  expect(lines.filter((l) => l.startsWith('- Asked:'))).toHaveLength(5);
  expect(lines[6]).toBe('- … and 3 more');
  expect(summary).toContain('- Searched for "s1", "s2", "s3", "s4", "s5", … and 1 more\n');
  expect(lines.filter((l) => l.startsWith('- Read'))).toHaveLength(5);
  expect(lines.at(-3)).toBe('- … and 1 more');
});

test('lists everything, with no "more" line, when nothing was left out', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5'];
  const summary = summarizeAttempts(makeFacts({ questions, searches: questions, articlesViewed: [], flowAnswers: [] }), t);
  expect(summary).not.toContain('more');
});

test('every locale says "and N more"', () => {
  for (const [locale, table] of Object.entries(ticketStrings)) {
    expect(table['ticket.summary.more'], locale).toContain('{count}');
  }
});
