import { API_BASE, ApiError, handleStatus, sessionHeaders, tokenStore, toApiError } from './client.ts';

/** A file with the session, e.g. an attachment to preview or save. */
export async function fetchBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = tokenStore.get();
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      headers: sessionHeaders(token),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    handleStatus(response.status, token);
    throw error;
  }
  return response.blob();
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/** Multipart upload through XHR, because fetch cannot report upload progress. */
export function uploadMultipart<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const token = tokenStore.get();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(sessionHeaders(token))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      void toApiError(response).then((error) => {
        handleStatus(xhr.status, token);
        reject(error);
      });
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** The file name from `content-disposition` (RFC 5987 `filename*` first). */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A request whose successful answer is a file (with the CSRF header, so not a plain link). */
export async function fetchFile(
  path: string,
  init: { method?: string; body?: unknown; accept?: string } = {},
): Promise<Response> {
  const token = tokenStore.get();
  const headers: Record<string, string> = { Accept: init.accept ?? '*/*' };
  Object.assign(headers, sessionHeaders(token));
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    handleStatus(response.status, token);
    throw error;
  }
  return response;
}
