// Saves a file that only a signed-in user may fetch (a CSV template, a job's error report):
// a plain link cannot carry the bearer token, so the file is read with the API client and
// handed to the browser through an object URL and a temporary <a download>.
import { isAxiosError } from 'axios';
import { http } from '../api/http';

/** The name in `Content-Disposition`, RFC 8187 `filename*` first (non-ASCII names). */
export function filenameOf(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i
    .exec(disposition)
    ?.slice(1)
    .find((name) => name !== undefined)
    ?.trim();
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once may cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * GETs `path` under /api/v1 and saves the answer. Redirects are followed by the browser: the
 * error report answers 303 to the store's signed URL, on the same origin with the embedded
 * store. Problem responses arrive as a Blob too; they are parsed back into JSON so that
 * `readProblem` reads them as any other failure.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  try {
    const response = await http.get<Blob>(path, { responseType: 'blob' });
    const filename = filenameOf(response.headers['content-disposition'] as string) ?? fallbackName;
    saveBlob(response.data, filename);
    return filename;
  } catch (error) {
    const data: unknown = isAxiosError(error) ? error.response?.data : undefined;
    if (isAxiosError(error) && error.response && data instanceof Blob) {
      try {
        error.response.data = JSON.parse(await data.text());
      } catch {
        // Not JSON: readProblem falls back to the caller's sentence.
      }
    }
    throw error;
  }
}
