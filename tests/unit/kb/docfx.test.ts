import { describe, expect, test } from 'vitest';
import { rewriteDocfxBlocks } from '../../../scripts/kb/docfx.ts';

describe('rewriteDocfxBlocks', () => {
  test('turns :::image into a markdown image with its alt text', () => {
    expect(
      rewriteDocfxBlocks('  :::image type="content" source="media/a b/x.png" alt-text="The [Security] tab" border="false":::'),
    ).toBe('  ![The \\[Security\\] tab](<media/a b/x.png>)');
  });

  test('keeps text after an image on the same line', () => {
    expect(rewriteDocfxBlocks(':::image type="icon" source="i.png":::<br/>')).toBe('![](<i.png>)<br/>');
  });

  test('removes layout blocks and keeps their content, line for line', () => {
    const source = [':::row:::', '   :::column span="":::', '   In a column', '   :::column-end:::', ':::row-end:::', '::: moniker range=">=x"', 'Versioned', '::: moniker-end', '::: zone pivot="a"', 'Zoned', '::: zone-end'].join('\n');
    expect(rewriteDocfxBlocks(source).split('\n')).toEqual(['', '', '   In a column', '', '', '', 'Versioned', '', '', 'Zoned', '']);
  });

  test('keeps no-loc text', () => {
    expect(rewriteDocfxBlocks('Open :::no-loc text="Outlook"::: now')).toBe('Open Outlook now');
  });

  test('leaves :::flow blocks and code samples alone', () => {
    const source = ':::flow Fix it\n### Step\n:::\n```\n:::image source="x.png":::\n```';
    expect(rewriteDocfxBlocks(source)).toBe(source);
  });
});
