/**
 * The editor's link mark (TipTap Link, configured in extensions.ts) asks the shared link policy: pasted HTML
 * keeps only allowed links, and a link that reached the document some other way is shown without its address.
 */
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import type { DOMOutputSpec, TagParseRule } from '@tiptap/pm/model';
import { editorExtensions } from './extensions.ts';

const schema = getSchema(editorExtensions());
const linkType = schema.marks.link!;

/** Whether pasting `<a href="...">` keeps the link (ProseMirror's parse rule, as the editor runs it). */
function pasteKeepsLink(href: string): boolean {
  const rule = linkType.spec.parseDOM![0] as TagParseRule;
  const dom = { getAttribute: (name: string) => (name === 'href' ? href : null) } as unknown as HTMLElement;
  return rule.getAttrs!(dom) !== false;
}

/** The href the editor renders for a link mark with this address. */
function renderedHref(href: string): unknown {
  const spec = linkType.spec.toDOM!(linkType.create({ href }), true) as DOMOutputSpec & [string, Record<string, unknown>];
  return spec[1].href;
}

describe('editor link mark', () => {
  it('keeps pasted web and mail links', () => {
    for (const href of ['https://ohchr.org/cerd', 'http://example.org', 'mailto:secretariat@ohchr.org']) expect(pasteKeepsLink(href), href).toBe(true);
    expect(renderedHref('https://ohchr.org/cerd')).toBe('https://ohchr.org/cerd');
  });

  it('drops pasted links to scripts, files and shares, and renders such a link without its address', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file://server/share', '\\\\attacker\\share', '//attacker/share']) {
      expect(pasteKeepsLink(href), JSON.stringify(href)).toBe(false);
      expect(renderedHref(href), JSON.stringify(href)).toBe('');
    }
  });
});
