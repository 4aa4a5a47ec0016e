/**
 * Both exporters keep only allowed links, even when handed content that did not come through the content
 * reader (which already drops the others): the model, the Word runs and the PDF pieces each ask the link policy.
 */
import { ExternalHyperlink, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, initReport } from '../report/layout.ts';
import type { PmNode } from '../report/content.ts';
import { buildExportModel } from './buildModel.ts';
import { runs } from './docx/docxBlocks.ts';
import { exportInputFromDoc } from './input.ts';
import type { ParagraphBlock, TextInline } from './model.ts';
import { defaultExportOptions } from './options.ts';
import { textPieces } from './pdf/pdfInlines.ts';

const UNSAFE = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'file://server/share', '\\\\attacker\\share', '//attacker/share', 'vbscript:x', 'data:text/html,x', 'report.docx'];
const SAFE = 'https://example.org/safe';

describe('links in export', () => {
  it('the model keeps a link only when the policy allows it, and always keeps the text', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    addSection(doc, { title: 'A' });
    const input = exportInputFromDoc(doc);
    const content: PmNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [SAFE, ...UNSAFE].map((href, i) => ({ type: 'text', text: `link ${i} `, marks: [{ type: 'link', attrs: { href } }] })) }],
    };
    input.sections[0] = { ...input.sections[0]!, content };
    const model = buildExportModel(input, defaultExportOptions('UPR'));
    const paragraph = model.sections[0]!.blocks.find((b): b is ParagraphBlock => b.kind === 'paragraph')!;
    const texts = paragraph.inlines.filter((i): i is TextInline => i.kind === 'text');
    expect(texts.map((t) => t.text).join('')).toBe([SAFE, ...UNSAFE].map((_, i) => `link ${i} `).join(''));
    expect(texts.filter((t) => t.href).map((t) => t.href)).toEqual([SAFE]);
  });

  it('the Word runs and PDF pieces drop an unsafe address handed to them directly', () => {
    for (const href of UNSAFE) {
      const inline: TextInline = { kind: 'text', text: 'share', href };
      expect(textPieces(inline).map((p) => p.link)).toEqual([undefined]);
      const [child] = runs([inline], { notes: 'footnotes', nextListInstance: 0 });
      expect(child).toBeInstanceOf(TextRun);
    }
    expect(textPieces({ kind: 'text', text: 'survey', href: SAFE })[0]!.link).toBe(SAFE);
    expect(runs([{ kind: 'text', text: 'survey', href: SAFE }], { notes: 'footnotes', nextListInstance: 0 })[0]).toBeInstanceOf(ExternalHyperlink);
  });
});
