/**
 * Images and files of a report through the API, on both storages: who may upload, read and delete; what is
 * refused (by its bytes, whatever its name says); what is removed from an image before it is stored.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import type { AttachmentInfo } from '../../shared/attachments/kinds.ts';
import { expectError } from '../helpers/accounts.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { useOneNode } from '../helpers/oneNode.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { jpegWithGps, pngTextChunks, pngWithText } from '../helpers/testImages.ts';

async function upload(baseUrl: string, reportId: string, as: TestUser | null, bytes: Uint8Array, name: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseUrl}/api/reports/${reportId}/attachments`, { method: 'POST', body: form, headers: as ? { cookie: as.cookie } : {} });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as AttachmentInfo & ApiErrorBody };
}

async function download(baseUrl: string, path: string, as: TestUser) {
  const res = await fetch(baseUrl + path, { headers: { cookie: as.cookie } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** An ELF program header followed by padding: what a renamed executable starts with. */
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(120).fill(0)]);
const WINDOWS_EXE = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200)]));
const SVG_WITH_SCRIPT = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/api/account")</script><rect width="10" height="10"/></svg>');

describe.each(STORAGE_KINDS)('Attachments on %s', (kind) => {
  const node = useOneNode(kind, { attachmentMaxBytes: 200 * 1024, attachmentReportMaxBytes: 600 * 1024 });
  let reviewer: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let reportId: string;
  const path = (id: string) => `/api/reports/${reportId}/attachments/${id}`;

  beforeAll(async () => {
    reportId = await node.sharedReport();
    reviewer = await signUp(node.server.url, { name: 'Rita' });
    viewer = await signUp(node.server.url, { name: 'Victor' });
    stranger = await signUp(node.server.url, { name: 'Sam' });
    for (const [who, role] of [[reviewer, 'reviewer'], [viewer, 'viewer']] as const) {
      expect((await api(node.server.url, `/api/reports/${reportId}/members`, { as: node.owner, body: { email: who.email, role } })).status).toBe(201);
    }
  });

  it('takes a photograph from an editor and gives it back to every reader without its GPS position, camera or serial number', async () => {
    const photo = await jpegWithGps();
    expect(await exifr.gps(Buffer.from(photo))).toBeDefined();
    const res = await upload(node.server.url, reportId, node.editor, photo, 'IMG_2041.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mimeType: 'image/jpeg', width: 64, height: 48, fileName: 'IMG_2041.jpg' });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const reader of [node.owner, node.editor, reviewer, viewer]) {
      const got = await download(node.server.url, path(res.body.id), reader);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/jpeg');
      expect(got.bytes.byteLength).toBe(res.body.size);
    }
    const got = await download(node.server.url, path(res.body.id), viewer);
    expect(await exifr.gps(Buffer.from(got.bytes))).toBeUndefined();
    const tags = (await exifr.parse(Buffer.from(got.bytes), true)) as Record<string, unknown> | undefined;
    expect(JSON.stringify(tags ?? {})).not.toMatch(/PhoneMaker|SN-4471|Phone 12/);
    expect(Buffer.from(got.bytes).includes(Buffer.from('SN-4471'))).toBe(false);
    expect((await sharp(Buffer.from(got.bytes)).metadata()).width).toBe(64);
  });

  it('serves files with nosniff, a sandboxing content security policy and a download name', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await upload(node.server.url, reportId, node.owner, pdf, 'Letter from the ministry.pdf', 'text/html');
    expect(res.status).toBe(201);
    expect(res.body.mimeType).toBe('application/pdf');
    const got = await download(node.server.url, path(res.body.id), viewer);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toMatch(/^sandbox;.*default-src 'none'/);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="Letter from the ministry\.pdf"/);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('cache-control')).toBe('no-store');
    const listed = await api<{ attachments: AttachmentInfo[] }>(node.server.url, `/api/reports/${reportId}/attachments`, { as: viewer });
    expect(listed.body.attachments.map((a) => a.id)).toContain(res.body.id);
  });

  it('removes the text chunks of a PNG', async () => {
    const png = await pngWithText({ Author: 'Amina Kovač', Comment: 'Taken at 12 Acacia Street' });
    expect(pngTextChunks(png)).toHaveLength(2);
    const res = await upload(node.server.url, reportId, node.editor, png, 'chart.png', 'image/png');
    expect(res.status).toBe(201);
    const got = await download(node.server.url, path(res.body.id), node.owner);
    expect(pngTextChunks(got.bytes)).toEqual([]);
    expect(Buffer.from(got.bytes).includes(Buffer.from('Acacia'))).toBe(false);
  });

  it('refuses a renamed executable and an SVG with a script, whatever the name and declared type say, with 415 JSON', async () => {
    for (const [bytes, name] of [[ELF, 'photo.jpg'], [WINDOWS_EXE, 'minutes.pdf'], [SVG_WITH_SCRIPT, 'chart.svg'], [SVG_WITH_SCRIPT, 'chart.png']] as const) {
      const res = await upload(node.server.url, reportId, node.editor, bytes, name, 'image/png');
      expectError(res, 415, 'unsupported_type');
    }
    const xmlSvg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expectError(await upload(node.server.url, reportId, node.editor, xmlSvg, 'map.txt', 'text/plain'), 415, 'unsupported_type');
    expectError(await upload(node.server.url, reportId, node.editor, new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n'), 'notes.txt'), 415, 'unsupported_type');
    const list = await api<{ attachments: AttachmentInfo[] }>(node.server.url, `/api/reports/${reportId}/attachments`, { as: node.owner });
    expect(list.body.attachments.map((a) => a.fileName)).not.toContain('chart.svg');
  });

  it('takes plain text and CSV, served as text with its charset', async () => {
    const csv = await upload(node.server.url, reportId, node.editor, new TextEncoder().encode('school,pupils\nNorth,120\n'), 'enrolment.csv');
    expect(csv.body.mimeType).toBe('text/csv');
    const got = await download(node.server.url, path(csv.body.id), viewer);
    expect(got.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('lets writers upload, and refuses reviewers and viewers (403) and strangers (404)', async () => {
    const photo = await jpegWithGps();
    expectError(await upload(node.server.url, reportId, reviewer, photo, 'a.jpg'), 403, 'forbidden');
    expectError(await upload(node.server.url, reportId, viewer, photo, 'a.jpg'), 403, 'forbidden');
    expectError(await upload(node.server.url, reportId, stranger, photo, 'a.jpg'), 404, 'not_found');
    expectError(await upload(node.server.url, reportId, null, photo, 'a.jpg'), 401, 'unauthorized');
  });

  it('answers 404 to someone who may not read the report, and for an id of another report', async () => {
    const res = await upload(node.server.url, reportId, node.owner, new TextEncoder().encode('minutes of the meeting'), 'minutes.txt');
    const got = await api(node.server.url, path(res.body.id), { as: stranger });
    expectError(got, 404, 'not_found');
    const other = await node.sharedReport();
    expectError(await api(node.server.url, `/api/reports/${other}/attachments/${res.body.id}`, { as: node.owner }), 404, 'not_found');
  });

  it('gives the same attachment back when the same bytes are uploaded again (a retried upload)', async () => {
    const bytes = new TextEncoder().encode('the same testimony notes');
    const first = await upload(node.server.url, reportId, node.editor, bytes, 'notes.txt');
    const again = await upload(node.server.url, reportId, node.editor, bytes, 'notes again.txt');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('lets the owner delete any file and an editor only their own; others are refused', async () => {
    const byEditor = await upload(node.server.url, reportId, node.editor, new TextEncoder().encode('editor notes 1'), 'e1.txt');
    const byOwner = await upload(node.server.url, reportId, node.owner, new TextEncoder().encode('owner notes 1'), 'o1.txt');
    expectError(await api(node.server.url, path(byOwner.body.id), { as: node.editor, method: 'DELETE' }), 403, 'forbidden');
    expectError(await api(node.server.url, path(byEditor.body.id), { as: viewer, method: 'DELETE' }), 403, 'forbidden');
    expectError(await api(node.server.url, path(byEditor.body.id), { as: stranger, method: 'DELETE' }), 404, 'not_found');
    expect((await api(node.server.url, path(byEditor.body.id), { as: node.editor, method: 'DELETE' })).status).toBe(204);
    expect((await api(node.server.url, path(byOwner.body.id), { as: node.owner, method: 'DELETE' })).status).toBe(204);
    expectError(await api(node.server.url, path(byOwner.body.id), { as: node.owner }), 404, 'not_found');
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES and a file past the report\'s total with 413', async () => {
    const big = new TextEncoder().encode('x'.repeat(210 * 1024));
    expectError(await upload(node.server.url, reportId, node.editor, big, 'big.txt'), 413, 'payload_too_large');
    const fresh = await node.sharedReport();
    for (let i = 0; i < 3; i++) {
      const res = await upload(node.server.url, fresh, node.editor, new TextEncoder().encode(`${i}`.repeat(190 * 1024)), `part${i}.txt`);
      expect(res.status).toBe(201);
    }
    expectError(await upload(node.server.url, fresh, node.editor, new TextEncoder().encode('y'.repeat(190 * 1024)), 'part3.txt'), 413, 'attachments_full');
  });

  it('refuses a request without a file, and a damaged image', async () => {
    const form = new FormData();
    form.set('note', 'nothing');
    const res = await fetch(`${node.server.url}/api/reports/${reportId}/attachments`, { method: 'POST', body: form, headers: { cookie: node.editor.cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('missing_file');
    const photo = await jpegWithGps();
    const broken = photo.slice(0, 200);
    expectError(await upload(node.server.url, reportId, node.editor, broken, 'broken.jpg'), 422, 'unreadable_image');
  });
});
