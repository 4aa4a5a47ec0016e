/**
 * Taking in an upload: the type from its bytes (allow-list), images re-encoded without metadata, the bytes hashed
 * and stored once per hash within the per-file and per-report limits.
 */
import crypto from 'node:crypto';
import { cleanFileName, isImageType, type AttachmentInfo, type AttachmentType } from '../../../shared/attachments/kinds.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { HttpError, PayloadTooLarge } from '../errors.ts';
import type { AttachmentRecord, Storage } from '../storage/Storage.ts';
import { cleanImage } from './cleanImage.ts';
import { detectType } from './detectType.ts';

export interface PreparedAttachment {
  type: AttachmentType;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  fileName: string;
  sha256: string;
}

export interface AttachmentLimits {
  maxFileBytes: number;
  reportMaxBytes: number;
  reportMaxCount: number;
}

export function toAttachmentInfo(r: AttachmentRecord): AttachmentInfo {
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    mimeType: r.mimeType as AttachmentType,
    fileName: r.fileName,
    ...(r.width !== null ? { width: r.width } : {}),
    ...(r.height !== null ? { height: r.height } : {}),
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt,
  };
}

export class AttachmentService {
  constructor(
    private readonly storage: Storage,
    private readonly limits: AttachmentLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Check and clean an upload (type from its bytes, images re-encoded) and hash it; nothing is stored. */
  async prepare(upload: { fileName: string; bytes: Uint8Array }): Promise<PreparedAttachment> {
    const type = await detectType(upload.bytes, upload.fileName);
    let bytes = upload.bytes;
    let width: number | null = null;
    let height: number | null = null;
    if (isImageType(type)) {
      ({ bytes, width, height } = await cleanImage(upload.bytes, type));
      if (bytes.byteLength > this.limits.maxFileBytes) throw new PayloadTooLarge(this.limits.maxFileBytes);
    }
    return { type, bytes, width, height, fileName: cleanFileName(upload.fileName, type), sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }

  /** Store a prepared file for the report under `id`; `created` is false when the report held these bytes already. */
  async store(reportId: string, userId: string, file: PreparedAttachment, id: string = newUuid()): Promise<{ created: boolean; info: AttachmentInfo }> {
    const record: AttachmentRecord = {
      id,
      reportId,
      sha256: file.sha256,
      size: file.bytes.byteLength,
      mimeType: file.type,
      fileName: file.fileName,
      width: file.width,
      height: file.height,
      uploadedBy: userId,
      createdAt: new Date(this.now()).toISOString(),
    };
    const result = await this.storage.attachments.add(record, file.bytes, { maxBytes: this.limits.reportMaxBytes, maxCount: this.limits.reportMaxCount });
    if (result.added) return { created: true, info: toAttachmentInfo(result.record) };
    if ('existing' in result) return { created: false, info: toAttachmentInfo(result.existing) };
    throw result.full === 'count'
      ? new HttpError(413, 'attachments_full', `This report holds ${this.limits.reportMaxCount} files already, as many as it may.`, 'file', { max: this.limits.reportMaxCount })
      : new HttpError(413, 'attachments_full', `This file would take the report's attachments past ${Math.round(this.limits.reportMaxBytes / 1048576)} MiB.`, 'file', { mib: Math.round(this.limits.reportMaxBytes / 1048576) });
  }

  /** Store an upload for the report; `created` is false when the report held these bytes already. */
  async add(reportId: string, userId: string, upload: { fileName: string; bytes: Uint8Array }): Promise<{ created: boolean; info: AttachmentInfo }> {
    return this.store(reportId, userId, await this.prepare(upload));
  }

  get maxima(): AttachmentLimits {
    return this.limits;
  }
}
