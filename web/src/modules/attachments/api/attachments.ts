import { fetchBlob, saveBlob, uploadMultipart, type UploadHandle } from '../../../app/api/transfer.ts';
import type { Attachment, One } from '../../../app/api/types.ts';

/** Uploads one file to a record with progress (0…1); the server checks the type and size. */
export function uploadAttachment(
  recordType: string,
  recordId: string,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle<One<Attachment>> {
  const form = new FormData();
  form.append('recordType', recordType);
  form.append('recordId', recordId);
  form.append('file', file, file.name);
  return uploadMultipart<One<Attachment>>('/attachments', form, onProgress);
}

export const attachmentBlob = (id: string, signal?: AbortSignal) =>
  fetchBlob(`/attachments/${encodeURIComponent(id)}/download`, signal);

/** Images and PDFs open in the app; everything else is downloaded. */
export const previewKind = (mimeType: string): 'image' | 'pdf' | null =>
  /^image\/(png|jpeg|gif|webp)$/.test(mimeType) ? 'image' : mimeType === 'application/pdf' ? 'pdf' : null;

/** Saves a file under its own name (the download needs the session token, so it goes through a blob). */
export async function downloadAttachment(attachment: Pick<Attachment, 'id' | 'name'>): Promise<void> {
  saveBlob(await attachmentBlob(attachment.id), attachment.name);
}

export interface ImageVariant {
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/** The WebP variant of a converted image (`processing: "done"`), else undefined. */
export function imageVariant(
  attachment: Pick<Attachment, 'processing' | 'variants'>,
  name: 'web' | 'thumb',
): ImageVariant | undefined {
  if (attachment.processing !== 'done') return undefined;
  const variant = (attachment.variants as Record<string, Partial<ImageVariant>> | null | undefined)?.[name];
  return variant && typeof variant.url === 'string' && variant.url.startsWith('/api/')
    ? {
        url: variant.url,
        width: Number(variant.width) || 0,
        height: Number(variant.height) || 0,
        bytes: Number(variant.bytes) || 0,
      }
    : undefined;
}
