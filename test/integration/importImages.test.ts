/**
 * A Word file's pictures come in as attachments of the imported report (issue 12), on both storages: the image
 * blocks keep the picture's alt text, the stored picture has no GPS position left, and `skipped` counts only what
 * cannot come (a chart, a picture in EMF format) and says which.
 */
import exifr from 'exifr';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentInfo } from '../../shared/attachments/kinds.ts';
import type { PmNode } from '../../shared/report/content.ts';
import { api, getContent } from '../helpers/clients.ts';
import { useOneNode } from '../helpers/oneNode.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { jpegWithGps, pngWithText } from '../helpers/testImages.ts';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';

function picture(rId: string, id: number, descr: string): string {
  return (
    `<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="685800"/><wp:docPr id="${id}" name="Picture ${id}" descr="${descr}"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="${rId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>` +
    '</wp:inline></w:drawing></w:r>'
  );
}

const CHART =
  '<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="685800"/><wp:docPr id="9" name="Chart 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

async function wordFile(): Promise<Uint8Array> {
  const rel = (id: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/>`;
  const document =
    `<w:document ${NS}><w:body>` +
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Evictions</w:t></w:r></w:p>' +
    `<w:p><w:r><w:t>Before the photograph.</w:t></w:r>${picture('rId1', 1, 'Flooded ground floor of block 4')}<w:r><w:t>After it.</w:t></w:r></w:p>` +
    `<w:p>${picture('rId2', 2, 'Enrolment by district')}</w:p>` +
    `<w:p>${picture('rId1', 3, 'The same photograph again')}</w:p>` +
    `<w:p>${CHART}</w:p>` +
    `<w:p>${picture('rId3', 4, 'A map drawn in Visio')}</w:p>` +
    '</w:body></w:document>';
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'media/image1.jpeg')}${rel('rId2', 'media/image2.png')}${rel('rId3', 'media/image3.emf')}</Relationships>`;
  // An EMF starts with record type 1 (EMR_HEADER); it is not a picture a report can hold.
  const emf = new Uint8Array(120);
  emf.set([1, 0, 0, 0, 108, 0, 0, 0]);
  emf.set(strToU8(' EMF'), 40);
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(rels),
    'word/media/image1.jpeg': await jpegWithGps(),
    'word/media/image2.png': await pngWithText({ Author: 'Amina' }),
    'word/media/image3.emf': emf,
  });
}

function images(node: PmNode, out: PmNode[] = []): PmNode[] {
  if (node.type === 'image') out.push(node);
  for (const c of node.content ?? []) images(c, out);
  return out;
}

describe.each(STORAGE_KINDS)('Importing a Word file with pictures on %s', (kind) => {
  const node = useOneNode(kind);
  let answer: { id: string; skipped: { images: number; which?: string[] } };

  beforeAll(async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Imported with pictures', mechanism: 'CESCR', stateUnderReview: 'Freedonia' })) form.set(k, v);
    form.set('file', new Blob([new Uint8Array(await wordFile())]), 'report.docx');
    const res = await fetch(`${node.server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: node.owner.cookie } });
    expect(res.status).toBe(201);
    answer = (await res.json()) as typeof answer;
  });

  it('brings the pictures in as image blocks with their alt text, around the text they stood in', async () => {
    const content = await getContent(node.server.url, node.owner, answer.id);
    const section = content.sections.find((s) => s.title === 'Evictions')!;
    const blocks = section.content.content!.map((n) => (n.type === 'image' ? `image:${String(n.attrs?.alt)}` : n.type === 'paragraph' ? `p:${(n.content ?? []).map((t) => t.text).join('')}` : n.type));
    expect(blocks).toEqual(['p:Before the photograph.', 'image:Flooded ground floor of block 4', 'p:After it.', 'image:Enrolment by district', 'image:The same photograph again']);
    const srcs = images(section.content).map((n) => String(n.attrs?.src));
    for (const src of srcs) expect(src).toMatch(new RegExp(`^/api/reports/${answer.id}/attachments/[0-9a-f-]{36}$`));
    // The photograph used twice is stored once.
    expect(srcs[0]).toBe(srcs[2]);
  });

  it('stores each distinct picture once, cleaned like any upload', async () => {
    const list = await api<{ attachments: AttachmentInfo[] }>(node.server.url, `/api/reports/${answer.id}/attachments`, { as: node.owner });
    expect(list.body.attachments.map((a) => a.mimeType).sort()).toEqual(['image/jpeg', 'image/png']);
    const photo = list.body.attachments.find((a) => a.mimeType === 'image/jpeg')!;
    const res = await fetch(`${node.server.url}/api/reports/${answer.id}/attachments/${photo.id}`, { headers: { cookie: node.owner.cookie } });
    expect(await exifr.gps(Buffer.from(await res.arrayBuffer()))).toBeUndefined();
  });

  it('counts only what cannot come, and says which', () => {
    expect(answer.skipped).toEqual({ images: 2, which: ['a chart', 'a picture in EMF format'] });
  });
});
