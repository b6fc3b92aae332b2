import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { AppError, fieldError, validationError } from '../../errors.ts';

export interface UploadForm {
  fields: Map<string, string>;
  file?: { name: string; mime: string; data: Buffer };
}

/** The form limits the multipart parser enforces (see app.ts). */
export const uploadFormLimits = { files: 1, fields: 10 } as const;

// eslint-disable-next-line no-control-regex
const safeName = (name: string) => name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || 'file';
// a media type with optional parameters; anything else (control characters, header breaks) is not kept
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/;
const safeMimeType = (type: string | undefined) =>
  type && type.length <= 200 && MIME_TYPE.test(type) ? type : 'application/octet-stream';

/** What went wrong with a multipart body, as the 4xx the client can act on. */
function formError(error: unknown, uploadLimitBytes: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', `the file exceeds the upload limit of ${uploadLimitBytes} bytes`, {
        limitBytes: uploadLimitBytes,
      });
    case 'FST_FILES_LIMIT':
      return fieldError('file', 'send exactly one file part named "file"; this upload has more than one');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return validationError(
        [{ path: 'body', message: `has too many form fields: send at most ${uploadFormLimits.fields}` }],
        `the form has too many fields: send at most ${uploadFormLimits.fields} (recordType, recordId) and one file`,
      );
    case 'FST_PROTO_VIOLATION':
      return validationError([{ path: 'body', message: 'has a form field named like an object property' }]);
  }
  // the parser reports a body that stops early or breaks its framing as a stream error
  return validationError(
    [{ path: 'body', message: 'is an incomplete or malformed multipart body' }],
    'the multipart body is incomplete or malformed: it ended before its closing boundary or broke its part framing',
  );
}

/**
 * Watches the raw body for the closing delimiter (`--boundary--`) that only a complete multipart
 * body has: the parser ends quietly on a body cut off between parts.
 */
function watchClosingDelimiter(request: FastifyRequest): () => boolean {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(request.headers['content-type'] ?? ''));
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return () => false;
  const delimiter = Buffer.from(`--${boundary}--`);
  let tail = Buffer.alloc(0);
  let seen = false;
  request.raw.on('data', (chunk: Buffer) => {
    if (seen) return;
    const window = Buffer.concat([tail, chunk]);
    seen = window.includes(delimiter);
    tail = window.subarray(Math.max(0, window.length - delimiter.length + 1));
  });
  return () => seen;
}

/**
 * Reads an upload form: its text fields and at most one file part named "file". A file stream
 * that fails mid-way hides the parser's reason (a limit reached, the body cut off), so the next
 * part is read to surface it; a body without its closing delimiter is incomplete even when the
 * parts read so far look whole. Every failure becomes a clear 4xx.
 */
export async function readUploadForm(request: FastifyRequest, uploadLimitBytes: number): Promise<UploadForm> {
  const fields = new Map<string, string>();
  let file: UploadForm['file'];
  const complete = watchClosingDelimiter(request);
  try {
    const limits = { ...uploadFormLimits, fileSize: uploadLimitBytes };
    const parts = request.parts({ limits })[Symbol.asyncIterator]();
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      const part: Multipart = next.value;
      if (part.type !== 'file') {
        fields.set(part.fieldname, String(part.value));
        continue;
      }
      if (file || part.fieldname !== 'file') {
        part.file.resume();
        throw fieldError(
          part.fieldname === 'file' ? 'file' : part.fieldname,
          'send exactly one file part named "file"',
        );
      }
      const data = await part.toBuffer().catch(async (error: unknown) => {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw await Promise.race([
          parts.next().then(
            () => error,
            (cause: unknown) => cause,
          ),
          sleep(1000, error),
        ]);
      });
      file = { name: safeName(part.filename), mime: safeMimeType(part.mimetype), data };
    }
    if (!complete()) throw new Error('the body ended before its closing delimiter');
  } catch (error) {
    throw formError(error, uploadLimitBytes);
  }
  return { fields, file };
}
