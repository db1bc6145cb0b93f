/**
 * The files an upload may be: CSV, which browsers and systems label variously (Excel on
 * Windows says `application/vnd.ms-excel`), or plain text. Both the name and the media type
 * must agree, so that a spreadsheet renamed by its type alone is still refused.
 */
const EXTENSION_TYPES: Record<string, string> = { csv: 'text/csv', txt: 'text/plain' };

const ACCEPTED_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
]);

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** `text/csv; charset=utf-8` → `text/csv`. */
function essence(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/**
 * The content type to sign for an upload, or undefined when the file is not accepted. An
 * empty type (browsers know no type for `.csv` on some systems) is taken from the extension.
 */
export function acceptedContentType(filename: string, contentType: string): string | undefined {
  const byExtension = EXTENSION_TYPES[extensionOf(filename)];
  if (!byExtension) return undefined;
  if (contentType === '') return byExtension;
  return ACCEPTED_TYPES.has(essence(contentType)) ? contentType : undefined;
}

export const ACCEPTED_FILES = 'a .csv or .txt file (text/csv, text/plain)';
