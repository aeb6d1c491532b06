import { describe, expect, test } from 'vitest';
import { validateActions, type Action } from '../../../widget/core/actions.ts';
import { actionText } from '../../../widget/ui/guided/action-suggestion.tsx';
import { keywordsOf, matchActions, PRESET_KEYWORDS } from '../../../widget/core/action-match.ts';
import { guidedStrings } from '../../../widget/core/i18n/guided-strings.ts';

const PAGE = 'https://intranet.example.com/help/';

function makeActions(input: unknown[] = [
  { id: 'resetPassword', url: 'https://passwordreset.example.com/' },
  { id: 'unlockAccount', url: '/self-service/unlock' },
  { id: 'requestSoftware', url: 'https://catalog.example.com/' },
  { id: 'vpn-access', label: 'Request VPN access', url: 'https://forms.example.com/vpn', keywords: ['vpn access', 'need vpn'] },
]): Action[] {
  const { actions, problems } = validateActions(input, PAGE);
  expect(problems).toEqual([]);
  return actions;
}

describe('validateActions', () => {
  test('marks a preset (which then matches on its default keywords), resolving relative URLs against the page', () => {
    const [reset, unlock] = makeActions();
    expect(reset).toEqual({ id: 'resetPassword', url: 'https://passwordreset.example.com/', keywords: [], preset: 'resetPassword' });
    expect(keywordsOf(reset as Action)).toBe(PRESET_KEYWORDS.resetPassword);
    expect(unlock?.url).toBe('https://intranet.example.com/self-service/unlock');
  });

  test('own keywords and label replace a preset’s defaults', () => {
    const { actions } = validateActions([{ id: 'resetPassword', url: 'https://pw.example.com/', label: 'Reset it', keywords: ['pw gone'] }], PAGE);
    expect(actions[0]).toMatchObject({ label: 'Reset it', keywords: ['pw gone'], preset: 'resetPassword' });
    expect(matchActions('forgot password', actions)).toEqual([]);
    expect(matchActions('my pw is gone', actions)).toEqual(actions);
  });

  test('rejects non-http(s) URLs with a [tier0] problem naming the action', () => {
    const { actions, problems } = validateActions([
      { id: 'resetPassword', url: 'javascript:alert(1)' },
      { id: 'unlockAccount', url: 'http://[bad' },
    ], PAGE);
    expect(actions).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^\[tier0\] action "resetPassword" has no usable url \("javascript:alert\(1\)"\) — /);
  });

  test('without a page base, a relative URL is not usable', () => {
    expect(validateActions([{ id: 'resetPassword', url: '/reset' }]).problems).toHaveLength(1);
  });

  test('reports a missing id, a missing label on a custom action, a duplicate and a non-array', () => {
    const { actions, problems } = validateActions([
      { url: 'https://a.example.com/' },
      { id: 'custom', url: 'https://a.example.com/', keywords: ['x'] },
      { id: 'resetPassword', url: 'https://a.example.com/' },
      { id: 'resetPassword', url: 'https://b.example.com/' },
    ], PAGE);
    expect(actions.map((a) => a.url)).toEqual(['https://a.example.com/']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^\[tier0\] actions\[0\] has no id — /);
    expect(problems[1]).toMatch(/^\[tier0\] action "custom" has no label — /);
    expect(problems[2]).toContain('listed twice');
    expect(validateActions({ id: 'x' }).problems[0]).toMatch(/^\[tier0\] option "actions" must be an array/);
  });

  test('warns about a custom action with no keywords (it could never be suggested) but keeps it', () => {
    const { actions, problems } = validateActions([{ id: 'x', label: 'X', url: 'https://x.example.com/' }], PAGE);
    expect(actions).toHaveLength(1);
    expect(problems[0]).toContain('never suggested');
  });

  test('accepts the JSON text of a data-actions attribute and reports broken JSON', () => {
    expect(validateActions('[{"id":"resetPassword","url":"https://pw.example.com/"}]').actions[0]?.id).toBe('resetPassword');
    expect(validateActions('[{id: resetPassword}]').problems[0]).toMatch(/^\[tier0\] option "actions" is not valid JSON — /);
  });

  test('no option, no actions and no problems', () => {
    expect(validateActions(undefined)).toEqual({ actions: [], problems: [] });
  });
});

describe('matchActions', () => {
  test('"forgot password" suggests the reset portal first', () => {
    expect(matchActions('I forgot my password', makeActions()).map((a) => a.id)).toEqual(['resetPassword']);
  });

  test('matches through the search normaliser: case, plurals and word order', () => {
    const actions = makeActions();
    expect(matchActions('PASSWORDS Forgot!', actions)[0]?.id).toBe('resetPassword');
    expect(matchActions('I am locked out of my account', actions)[0]?.id).toBe('unlockAccount');
    expect(matchActions('how do I install software', actions)[0]?.id).toBe('requestSoftware');
    expect(matchActions('mot de passe oublié', actions)[0]?.id).toBe('resetPassword');
  });

  test('a site’s own keywords match', () => {
    expect(matchActions('I need VPN access for home', makeActions())[0]?.id).toBe('vpn-access');
  });

  test('partial phrases and unrelated questions match nothing', () => {
    const actions = makeActions();
    expect(matchActions('password', actions)).toEqual([]);
    expect(matchActions('printer offline', actions)).toEqual([]);
    expect(matchActions('', actions)).toEqual([]);
  });

  test('the more specific (longer) keyword wins; ties keep the site owner’s order', () => {
    const actions = makeActions([
      { id: 'a', label: 'A', url: 'https://a.example.com/', keywords: ['printer'] },
      { id: 'b', label: 'B', url: 'https://b.example.com/', keywords: ['printer toner empty'] },
      { id: 'c', label: 'C', url: 'https://c.example.com/', keywords: ['printer'] },
    ]);
    expect(matchActions('printer toner is empty', actions, 3).map((a) => a.id)).toEqual(['b', 'a', 'c']);
    expect(matchActions('printer toner is empty', actions).map((a) => a.id)).toEqual(['b', 'a']);
  });
});

test('actionText uses the preset’s localized label and description unless the site set its own', () => {
  const [reset, , , vpn] = makeActions();
  expect(actionText(reset as Action, guidedStrings.de)).toEqual({
    label: 'Passwort zurücksetzen',
    description: guidedStrings.de['guided.action.resetPassword.description'],
  });
  expect(actionText(vpn as Action, guidedStrings.en)).toEqual({ label: 'Request VPN access' });
});
