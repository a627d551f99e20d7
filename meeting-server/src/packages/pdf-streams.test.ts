// The upload check's own stream decoding (pdf-streams.mjs): each filter gives what the PDF
// specification says, and a stream is stopped at its byte budget, whatever filter chain it uses.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OverBudget, decodeAllStreams, decodeChain, filtersOf, lzwDecode } from './pdf-streams.mjs';
import { pdfOf } from './pdf-fixtures';

const text = (b: Uint8Array | null) => Buffer.from(b ?? []).toString('latin1');

describe('pdf stream decoding', () => {
  it('decodes LZW (the specification’s example), RunLength, ASCIIHex and ASCII85 in a chain', () => {
    // ISO 32000-1, 7.4.4.2: 80 0B 60 50 22 0C 0C 85 01 is "-----A---B".
    const lzw = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    expect(text(lzwDecode(lzw, 100))).toBe('-----A---B');
    expect(text(decodeChain(Uint8Array.from([2, 65, 66, 67, 254, 68, 128]), ['RL'], 100))).toBe(
      'ABCDDD',
    );
    const hexOfDeflate = Buffer.from(deflateSync('Tờ trình số 01').toString('hex') + '>');
    expect(Buffer.from(decodeChain(hexOfDeflate, ['AHx', 'Fl'], 100)!).toString()).toBe(
      'Tờ trình số 01',
    );
    expect(
      Buffer.from(decodeChain(Buffer.from('<+U,m~>'), ['ASCII85Decode'], 100)!).toString(),
    ).toBe('Test');
    expect(decodeChain(Buffer.from('xx'), ['DCTDecode'], 100)).toBeNull();
  });

  it('reads a stream’s filters from its dictionary, nested DecodeParms included', () => {
    expect(filtersOf('<< /Length 5 /Filter [/ASCII85Decode /FlateDecode] >>')).toEqual([
      'ASCII85Decode',
      'FlateDecode',
    ]);
    expect(filtersOf('<< /DecodeParms << /Predictor 12 >> /Filter /FlateDecode >>')).toEqual([
      'FlateDecode',
    ]);
    expect(filtersOf('<< /Length 5 >>')).toEqual([]);
  });

  it('stops each filter at the budget, and finds a stream no page refers to', () => {
    const zeros = deflateSync(Buffer.alloc(1_000_000));
    expect(() => decodeChain(zeros, ['FlateDecode'], 999_999)).toThrow(OverBudget);
    expect(decodeChain(zeros, ['FlateDecode'], 1_000_000)?.length).toBe(1_000_000);
    expect(() =>
      lzwDecode(Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), 9),
    ).toThrow(OverBudget);
    expect(() =>
      decodeChain(Uint8Array.from([129, 0, 129, 0, 128]), ['RunLengthDecode'], 255),
    ).toThrow(OverBudget);
    const orphan = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      Buffer.concat([
        Buffer.from(`<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\r\n`, 'latin1'),
        zeros,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    ]);
    expect(decodeAllStreams(orphan, 1_000_000)).toBe(1);
    expect(() => decodeAllStreams(orphan, 500_000)).toThrow(OverBudget);
  });
});
