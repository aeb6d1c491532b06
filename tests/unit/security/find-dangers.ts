/**
 * `findDangers(root)`: everything under a DOM node that could run script or leave the widget —
 * script-capable elements, `on*` attributes, script/HTML-document URLs in URL attributes, SVG
 * animations that rewrite handlers or links. Walks shadow roots and template contents too.
 *
 * Self-contained on purpose (no imports, no outer names): the browser tests hand it to
 * `page.evaluate` as source, the unit tests call it in jsdom.
 */
export function findDangers(root: Node): string[] {
  const bannedElements = ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'form', 'frame', 'frameset', 'applet', 'portal'];
  const urlAttributes = [
    'href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'srcset',
    'ping', 'codebase', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'icon', 'values', 'to', 'from', 'by',
  ];
  // Characters browsers strip or ignore inside a URL scheme (controls, spaces, Unicode blanks).
  const ignorable = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000\ufeff]/g;
  const found: string[] = [];
  const describe = (el: Element, detail: string): string => `<${el.localName}> ${detail}`;

  const checkElement = (el: Element): void => {
    const name = el.localName.toLowerCase();
    if (bannedElements.includes(name)) found.push(describe(el, 'element'));
    for (const attr of Array.from(el.attributes)) {
      const attrName = attr.name.toLowerCase();
      const value = attr.value.replace(ignorable, '').toLowerCase();
      if (attrName.startsWith('on')) found.push(describe(el, `${attr.name}="${attr.value}"`));
      else if (attrName === 'srcdoc') found.push(describe(el, 'srcdoc'));
      else if (urlAttributes.includes(attrName) || attrName.endsWith(':href')) {
        const isScript = /(?:java|vb)script:/.test(value);
        // data: images cannot run script (an image context); any other data: document can.
        const isDocument = /(?:^|,)data:(?!image\/)/.test(value);
        if (isScript || isDocument) found.push(describe(el, `${attr.name}="${attr.value}"`));
      } else if (attrName === 'style' && /javascript:|expression\(|behavior:/.test(value)) {
        found.push(describe(el, `style="${attr.value}"`));
      } else if (attrName === 'attributename' && /^(?:on|href$|xlink:href$)/.test(value)) {
        found.push(describe(el, `attributeName="${attr.value}"`));
      }
    }
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 1) {
      const el = node as Element;
      checkElement(el);
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.localName === 'template') visit((el as HTMLTemplateElement).content);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return found;
}
