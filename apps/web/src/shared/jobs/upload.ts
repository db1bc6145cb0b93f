// Sends a file to storage for an import: the API signs a URL (POST /uploads), the browser
// PUTs the file there itself, so the API never buffers it. Returns the key an import names.
import axios from 'axios';
import { http } from '../api/http';
import type { UploadTicket } from '../api/types';

export interface UploadOptions {
  /** From 0 to 1, as the bytes leave the browser. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/**
 * A bare client for the signed URL: not `http`, whose base URL and bearer token are the API's.
 * The signature is the authorisation, and the URL may be an S3 origin the token must never
 * reach; the embedded store's same-origin URL needs no token either.
 */
const storage = axios.create();

export async function uploadFile(file: File, options: UploadOptions = {}): Promise<string> {
  const { data: ticket } = await http.post<UploadTicket>(
    '/uploads',
    // The browser's type as is: the API accepts CSV's usual labels, and takes an empty one
    // (some systems know no type for .csv) from the extension.
    { filename: file.name, size: file.size, contentType: file.type },
    { signal: options.signal },
  );
  await storage.request({
    url: ticket.url,
    method: ticket.method,
    // Exactly the signed headers: S3 refuses a request whose signed headers differ.
    headers: ticket.headers,
    data: file,
    signal: options.signal,
    // The body is the file as is, never transformed into JSON.
    transformRequest: [(body: unknown) => body],
    onUploadProgress: (event) => {
      if (event.total) options.onProgress?.(event.loaded / event.total);
    },
  });
  options.onProgress?.(1);
  return ticket.key;
}
