import { create } from 'content-disposition';

/**
 * `Content-Disposition: attachment` with the file name, so a browser saves the object instead
 * of rendering it, under that name. Non-ASCII names get an RFC 8187 `filename*` and an ASCII
 * fallback; quotes and control characters cannot break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  return create(filename, { type: 'attachment' });
}
