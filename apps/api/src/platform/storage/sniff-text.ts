/**
 * Does a file start like UTF-8 text? Checked on the first bytes of every upload, so that a
 * spreadsheet, an archive or a file in a legacy encoding is refused with a clear reason before
 * anything parses it, rather than turning into thousands of garbled row errors.
 */

/** How many leading bytes the drivers read for {@link sniffText}. */
export const SNIFF_BYTES = 4096;

export type SniffResult = { text: true } | { text: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Signatures of formats people save "CSV" files as by mistake, named in the refusal. */
const KNOWN_BINARY: { magic: number[]; name: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (an .xlsx or .ods spreadsheet?)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Office document (an .xls spreadsheet?)' },
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { magic: [0xff, 0xfe], name: 'UTF-16 text' },
  { magic: [0xfe, 0xff], name: 'UTF-16 text' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.length <= bytes.length && magic.every((byte, i) => bytes[i] === byte);
}

function isForbiddenControl(byte: number): boolean {
  // Tab, line feed, form feed and carriage return occur in text; other C0 controls do not.
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
}

/**
 * `bytes` is the start of a file (it may end inside a multi-byte character). Text is UTF-8,
 * with or without a byte-order mark, with no NUL or other control bytes but tab and line ends.
 */
export function sniffText(bytes: Uint8Array): SniffResult {
  for (const { magic, name } of KNOWN_BINARY) {
    if (startsWith(bytes, magic)) return { text: false, reason: `The file is ${name}.` };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const control = body.findIndex(isForbiddenControl);
  if (control !== -1) {
    return {
      text: false,
      reason: `The file holds binary data (byte ${body[control]} at offset ${control}).`,
    };
  }
  try {
    // `stream: true` keeps a character cut off at the end of the sample from counting as
    // invalid; `fatal` makes any real invalid sequence throw.
    new TextDecoder('utf-8', { fatal: true }).decode(body, { stream: true });
  } catch {
    return { text: false, reason: 'The file is not UTF-8 text; save it as "CSV UTF-8".' };
  }
  return { text: true };
}
