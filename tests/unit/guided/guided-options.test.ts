import { expect, test } from 'vitest';
import { validateActions } from '../../../widget/core/actions.ts';
import { setUpActions } from '../../../widget/services/site-actions.ts';
import { optionsFromDataset, resolveOptions } from '../../../widget/core/options.ts';

const ctx = { loaderUrl: 'https://intranet.example.com/help/tier0.js', pageUrl: 'https://intranet.example.com/portal/' };

test('actions, statusUrl and diagnostics resolve with defaults: no actions, no banner, checks on', () => {
  const { options, problems } = resolveOptions({}, ctx);
  expect(problems).toEqual([]);
  expect(validateActions(options.actions, ctx.pageUrl)).toEqual({ actions: [], problems: [] });
  expect(options.statusUrl).toBeUndefined();
  expect(options.diagnostics).toBe(true);
});

test('actions pass through the loader as given and validate against the page URL in the panel', () => {
  const input = [{ id: 'resetPassword', url: '/pw-reset' }];
  const { options, problems } = resolveOptions({ actions: input, statusUrl: '/status.json', diagnostics: false }, ctx);
  expect(problems).toEqual([]);
  expect(options.actions).toBe(input);
  const { actions, problems: actionProblems } = validateActions(options.actions, ctx.pageUrl);
  expect(actionProblems).toEqual([]);
  expect(actions[0]).toMatchObject({ id: 'resetPassword', url: 'https://intranet.example.com/pw-reset', preset: 'resetPassword' });
  expect(options.statusUrl).toBe('https://intranet.example.com/status.json');
  expect(options.diagnostics).toBe(false);
});

test('bad actions and a mailto: statusUrl are reported as [tier0] problems', () => {
  const { options, problems } = resolveOptions({ actions: [{ id: 'resetPassword', url: 'javascript:alert(1)' }], statusUrl: 'mailto:it@example.com' }, ctx);
  expect(options.statusUrl).toBeUndefined();
  expect(problems).toHaveLength(1);
  const actions = validateActions(options.actions, ctx.pageUrl);
  expect(actions.actions).toEqual([]);
  expect(actions.problems).toHaveLength(1);
  expect([...problems, ...actions.problems].every((p) => p.startsWith('[tier0] '))).toBe(true);
});

test('the data-* attributes carry all three (actions as JSON)', () => {
  const raw = optionsFromDataset({ actions: '[{"id":"unlockAccount","url":"https://unlock.example.com/"}]', statusUrl: '/s.json', diagnostics: 'false' });
  const { options, problems } = resolveOptions(raw, ctx);
  expect(problems).toEqual([]);
  expect(validateActions(options.actions, ctx.pageUrl).actions.map((a) => a.id)).toEqual(['unlockAccount']);
  expect(options.statusUrl).toBe('https://intranet.example.com/s.json');
  expect(options.diagnostics).toBe(false);
});

test('site actions set up from the option match questions by id, and report bad entries', () => {
  const site = setUpActions([{ id: 'resetPassword', url: '/pw' }, { id: 'nope', url: 'ftp://x' }], ctx.pageUrl);
  expect(site.list.map((a) => a.id)).toEqual(['resetPassword']);
  expect(site.match('I forgot my password')).toEqual(['resetPassword']);
  expect(site.match('printer offline')).toEqual([]);
  expect(site.problems).toHaveLength(1);
  expect(site.problems[0]).toMatch(/^\[tier0\] action "nope"/);
});
