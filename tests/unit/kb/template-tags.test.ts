import { describe, expect, test } from 'vitest';
import { PAGE_LINK_PREFIX, stripTemplateTags, stripTemplateText } from '../../../scripts/kb/template-tags.ts';

describe('stripTemplateTags', () => {
  test('drops tags and expressions without leaving double spaces', () => {
    expect(stripTemplateTags('Welcome to {{ site.name }} support.\n{% include "low-system.html" %}\nNext')).toBe(
      'Welcome to support.\n\nNext',
    );
  });

  test('keeps every line in place so diagnostics keep their line numbers', () => {
    const source = 'a\n{% comment %}\nnote to self\n{% endcomment %}\nb {% if x %}c{% endif %}\n{% alert "T", "warning" %}\nd\n{% endalert %}';
    const result = stripTemplateTags(source);
    expect(result.split('\n')).toHaveLength(source.split('\n').length);
    expect(result.split('\n')[4]).toBe('b c');
    expect(result).not.toContain('note to self');
    expect(result).not.toMatch(/\{%|\{\{/);
  });

  test('drops an inline comment', () => {
    expect(stripTemplateTags('- Explain: {% comment %}TODO: link{% endcomment %} roles')).toBe('- Explain: roles');
  });

  test('keeps the text inside raw verbatim', () => {
    expect(stripTemplateTags('{% raw %}Type {{ name }} here{% endraw %} {{ gone }}')).toBe('Type {{ name }} here ');
  });

  test('keeps raw text across lines', () => {
    expect(stripTemplateTags('{% raw %}\n{{ a }}\n{% endraw %}')).toBe('\n{{ a }}\n');
  });

  test('turns image shortcodes into markdown images', () => {
    expect(stripTemplateTags('{% image "_img/a.png" "Login screen" %}')).toBe('![Login screen](_img/a.png)');
    expect(stripTemplateTags('{% image_with_class "_img/b.png" "border" "Calendar menu" %}')).toBe('![Calendar menu](_img/b.png)');
  });

  test('turns page and link tags in a link target into URLs', () => {
    expect(stripTemplateTags('[Software]({% page "/software/" %})')).toBe(`[Software](${PAGE_LINK_PREFIX}/software/)`);
    expect(stripTemplateTags('[docs]({% link "https://example.com/a" %})')).toBe('[docs](https://example.com/a)');
  });

  test('drops a page tag outside a link', () => {
    expect(stripTemplateTags('See {% page "/software/" %} now')).toBe('See now');
  });

  test('keeps a Slack channel name as text', () => {
    expect(stripTemplateTags('Ask in {% slack_channel "it-issues" %}.')).toBe('Ask in #it-issues.');
  });

  test('handles whitespace-control dashes', () => {
    expect(stripTemplateTags('a {%- include "x.html" -%} b {{- y -}}')).toBe('a b ');
  });

  test('leaves code blocks and code spans alone', () => {
    const source = 'Run `docker inspect {{.State}}`\n\n```\n{% raw %}{{ x }}\n```\n';
    expect(stripTemplateTags(source)).toBe(source);
  });
});

describe('stripTemplateText', () => {
  test('cleans titles and descriptions', () => {
    expect(stripTemplateText('Outlook keeps asking for your password {{ site.name }}')).toBe('Outlook keeps asking for your password');
    expect(stripTemplateText('{% if x %}Stop{% endif %} the prompt')).toBe('Stop the prompt');
  });
});
