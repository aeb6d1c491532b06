// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { App } from '../../../widget/ui/app.tsx';
import { createEmitter } from '../../../widget/core/events.ts';
import { resolveOptions } from '../../../widget/core/options.ts';
import { resolveStrings } from '../../../widget/core/i18n/strings.ts';
import { createWidgetController } from '../../../widget/services/widget-controller.ts';
import { announceKbUpdate } from '../../../widget/services/kb-updates.ts';
import type { PanelContext } from '../../../widget/ui/panel-api.ts';
import { makeClient, makeSession } from './fixtures.ts';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

test('says "Help content was updated" as a status once the KB in use changed', async () => {
  const emitter = createEmitter(() => {});
  const { options } = resolveOptions({}, { loaderUrl: 'https://x.example/help/tier0.js', pageUrl: 'https://x.example/' });
  const strings = await resolveStrings('en', options.strings);
  const controller = createWidgetController({
    kbUrl: options.kb, emitter, report: () => {}, path: '/', client: makeClient({}), session: makeSession(),
  });
  const launcher = document.createElement('button');
  document.body.appendChild(launcher);
  const ctx = {
    shadow: null as unknown as ShadowRoot, root: document.body, launcher, options, locale: 'en', emitter,
    report: () => {}, setExpanded: vi.fn(),
  } satisfies PanelContext;
  render(<App controller={controller} ctx={ctx} strings={strings} loadTicket={() => new Promise(() => {})} />);
  controller.open();
  await screen.findByRole('dialog', { name: 'Help' });
  expect(screen.queryByText('Help content was updated')).toBeNull();

  announceKbUpdate('v2');
  const notice = await screen.findByText('Help content was updated');
  expect(notice.getAttribute('role')).toBe('status');
});
