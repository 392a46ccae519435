import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { checkIcons } from '../../manifest/check.js';
import { decodePng, encodePng, PngError } from '../../manifest/png.js';

/** CRC-32 as PNG uses it, written here apart from manifest/png.ts. */
function crc(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(typed));
  return Buffer.concat([head, typed, tail]);
}

/** A PNG made by hand: header fields, scanlines (each with its filter byte), extra chunks. */
function png(
  header: { width: number; height: number; depth: number; colourType: number; interlace?: number },
  scanlines: number[][],
  extra: [string, number[]][] = [],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.set([header.depth, header.colourType, 0, 0, header.interlace ?? 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra.map(([type, body]) => chunk(type, Buffer.from(body))),
    chunk('IDAT', deflateSync(Buffer.from(scanlines.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Filters one RGBA8 row with a PNG filter type, as an encoder would. */
function filterRow(filter: number, row: number[], previous: number[] | undefined): number[] {
  return [
    filter,
    ...row.map((value, i) => {
      const a = i >= 4 ? (row[i - 4] ?? 0) : 0;
      const b = previous?.[i] ?? 0;
      const c = i >= 4 ? (previous?.[i - 4] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      return (value - predictor) & 0xff;
    }),
  ];
}

describe('PNG decoding (for a force that brings its own icons)', () => {
  const pixels = [
    [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0],
    [10, 20, 30, 40, 250, 240, 230, 220, 1, 2, 3, 4],
    [200, 100, 50, 25, 12, 6, 3, 1, 128, 128, 128, 128],
  ];

  for (const filter of [0, 1, 2, 3, 4]) {
    it(`reads RGBA rows saved with filter ${filter}`, () => {
      const rows = pixels.map((row, y) => filterRow(filter, row, pixels[y - 1]));
      const image = decodePng(png({ width: 3, height: 3, depth: 8, colourType: 6 }, rows));
      assert.deepEqual([...image.rgba], pixels.flat());
      assert.equal(image.hasAlpha, true);
    });
  }

  it('reads a 4-bit palette image with transparency (tRNS)', () => {
    // Two pixels a row, palette entries 0 (transparent white) and 1 (opaque white).
    const image = decodePng(
      png(
        { width: 2, height: 2, depth: 4, colourType: 3 },
        [
          [0, 0x01],
          [0, 0x10],
        ],
        [
          ['PLTE', [255, 255, 255, 255, 255, 255]],
          ['tRNS', [0, 255]],
        ],
      ),
    );
    assert.deepEqual(
      [...image.rgba],
      [255, 255, 255, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0],
    );
    assert.deepEqual(checkIcons({ outline: png32Palette() }), []);
  });

  it('reads 16-bit grey with alpha, and 1-bit grey', () => {
    const grey16 = decodePng(
      png({ width: 1, height: 1, depth: 16, colourType: 4 }, [[0, 0xff, 0xff, 0x80, 0x00]]),
    );
    assert.deepEqual([...grey16.rgba], [255, 255, 255, 128]);
    const bits = decodePng(
      png({ width: 3, height: 1, depth: 1, colourType: 0 }, [[0, 0b10100000]]),
    );
    assert.deepEqual([...bits.rgba], [255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    assert.equal(bits.hasAlpha, false);
  });

  it('says what is wrong with a file it cannot read', () => {
    const good = encodePng({ width: 1, height: 1, rgba: Uint8Array.of(1, 2, 3, 4) });
    const damaged = Buffer.from(good);
    damaged[20] = (damaged[20] ?? 0) ^ 0xff;
    assert.throws(() => decodePng(damaged), {
      name: 'PngError',
      message: /IHDR chunk fails its CRC/,
    });
    assert.throws(() => decodePng(good.subarray(0, 30)), PngError);
    assert.throws(
      () =>
        decodePng(
          png({ width: 1, height: 1, depth: 8, colourType: 6, interlace: 1 }, [[0, 1, 2, 3, 4]]),
        ),
      { message: /interlaced/ },
    );
    assert.throws(
      () => decodePng(png({ width: 1, height: 1, depth: 8, colourType: 5 }, [[0, 1]])),
      { message: /invalid colour type 5/ },
    );
  });

  it('refuses an outline icon with no alpha channel at all', () => {
    const white = Array.from({ length: 32 }, () => [0, ...Array<number>(32 * 3).fill(255)]);
    const problems = checkIcons({
      outline: png({ width: 32, height: 32, depth: 8, colourType: 2 }, white),
    });
    assert.deepEqual(
      problems.map((p) => p.message),
      ['has no transparency: save it as a PNG with an alpha channel, white on transparent'],
    );
  });
});

/** A 32x32 palette outline icon: a white square ring on transparent, 4 bits a pixel. */
function png32Palette(): Buffer {
  const rows: number[][] = [];
  for (let y = 0; y < 32; y++) {
    const row = [0];
    for (let x = 0; x < 32; x += 2) {
      const index = (px: number) =>
        (px === 4 || px === 27 || y === 4 || y === 27) && px >= 4 && px <= 27 && y >= 4 && y <= 27
          ? 1
          : 0;
      row.push((index(x) << 4) | index(x + 1));
    }
    rows.push(row);
  }
  return png({ width: 32, height: 32, depth: 4, colourType: 3 }, rows, [
    ['PLTE', [0, 0, 0, 255, 255, 255]],
    ['tRNS', [0, 255]],
  ]);
}
