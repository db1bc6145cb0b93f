import { describe, expect, it } from 'vitest';
import { sniffText } from '../src/platform/storage/sniff-text.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );

describe('sniffText', () => {
  it('accepts UTF-8 CSV with or without a byte-order mark, with CRLF, tabs and accents', () => {
    expect(sniffText(bytes('unit;kWh\r\nLAB;12\r\n'))).toEqual({ text: true });
    expect(sniffText(bytes([0xef, 0xbb, 0xbf], 'Zürich,Genève\n'))).toEqual({ text: true });
    expect(sniffText(bytes('a\tb\n'))).toEqual({ text: true });
    expect(sniffText(bytes(''))).toEqual({ text: true });
  });

  it('accepts a sample that ends inside a multi-byte character', () => {
    const euro = Buffer.from('€'); // three bytes
    expect(sniffText(Buffer.concat([Buffer.from('price '), euro.subarray(0, 2)]))).toEqual({
      text: true,
    });
  });

  it('refuses NUL and other control bytes', () => {
    const result = sniffText(bytes('a,b\n', [0x00], 'c'));
    expect(result.text).toBe(false);
    expect(result).toMatchObject({ reason: expect.stringContaining('binary data') });
    expect(sniffText(bytes('a', [0x07], 'b')).text).toBe(false);
  });

  it('refuses text that is not UTF-8 (Latin-1), saying how to save it', () => {
    const result = sniffText(bytes('Gen', [0xe8], 've;1\n'));
    expect(result).toEqual({
      text: false,
      reason: 'The file is not UTF-8 text; save it as "CSV UTF-8".',
    });
  });

  it('names the formats a CSV is most often confused with', () => {
    expect(sniffText(bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook'))).toMatchObject({
      text: false,
      reason: expect.stringContaining('.xlsx'),
    });
    expect(sniffText(bytes('%PDF-1.7\n'))).toMatchObject({
      reason: expect.stringContaining('PDF'),
    });
    expect(sniffText(bytes([0xff, 0xfe], 'a'))).toMatchObject({
      reason: expect.stringContaining('UTF-16'),
    });
  });
});
