/**
 * Just enough PNG for the app icons, with node:zlib and no image library: encode 8-bit RGBA,
 * and decode the non-interlaced PNGs an image editor saves (grey, RGB, palette, with or without
 * alpha, 1 to 16 bits) to 8-bit RGBA, so that a force's own icons can be checked too.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** An image as 8-bit RGBA, row by row from the top left: 4 bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** A decoded PNG: the pixels, and whether the file itself can hold transparency. */
export interface DecodedPng extends RgbaImage {
  /** The colour type has an alpha channel, or a tRNS chunk gives transparency. */
  hasAlpha: boolean;
}

export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, rgba } = image;
  if (rgba.length !== width * height * 4) {
    throw new PngError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Channels per pixel by colour type, and the bit depths the PNG specification allows for it. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Decodes a PNG to 8-bit RGBA, or throws a PngError saying what is wrong with it. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < 8 || !data.subarray(0, 8).equals(SIGNATURE)) {
    throw new PngError('is not a PNG file (the PNG signature is missing)');
  }
  let header: Buffer | undefined;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const compressed: Buffer[] = [];
  let offset = 8;
  let ended = false;
  while (!ended) {
    if (offset + 12 > data.length) throw new PngError('is cut short (no IEND chunk)');
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > data.length) throw new PngError(`is cut short in its ${type} chunk`);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (
      crc32(data.subarray(offset + 4, offset + 8 + length)) !==
      data.readUInt32BE(offset + 8 + length)
    ) {
      throw new PngError(`is damaged: the ${type} chunk fails its CRC check`);
    }
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') compressed.push(body);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (header === undefined || header.length !== 13) throw new PngError('has no valid IHDR chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const depth = header[8] ?? 0;
  const colourType = header[9] ?? 0;
  const interlace = header[12] ?? 0;
  const kind = COLOUR_TYPES[colourType];
  if (width === 0 || height === 0) throw new PngError('has no pixels');
  if (!kind?.depths.includes(depth)) {
    throw new PngError(`has an invalid colour type ${colourType} with bit depth ${depth}`);
  }
  if (interlace !== 0) {
    throw new PngError('is interlaced, which is not supported here: save it without interlacing');
  }
  if (colourType === 3 && palette === undefined) throw new PngError('has no palette (PLTE chunk)');
  if (compressed.length === 0) throw new PngError('has no image data (IDAT chunk)');

  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(compressed));
  } catch (error) {
    throw new PngError(`has image data that does not decompress: ${(error as Error).message}`);
  }
  const bitsPerPixel = kind.channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const step = Math.max(1, bitsPerPixel / 8);
  if (raw.length < (stride + 1) * height) throw new PngError('has too little image data');
  const pixels = unfilter(raw, stride, height, step);

  const sample = (row: Uint8Array, index: number): number => {
    if (depth === 8) return row[index] ?? 0;
    if (depth === 16) return ((row[index * 2] ?? 0) << 8) | (row[index * 2 + 1] ?? 0);
    const perByte = 8 / depth;
    const byte = row[Math.floor(index / perByte)] ?? 0;
    const shift = 8 - depth * ((index % perByte) + 1);
    return (byte >> shift) & ((1 << depth) - 1);
  };
  const max = (1 << depth) - 1;
  const to8 = (value: number): number =>
    colourType === 3 ? value : Math.round((value * 255) / max);
  const trns = (index: number): number =>
    transparency === undefined ? -1 : transparency.readUInt16BE(index * 2);

  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const base = x * kind.channels;
      let r: number;
      let g: number;
      let b: number;
      let a = 255;
      if (colourType === 0 || colourType === 4) {
        const grey = sample(row, base);
        r = g = b = to8(grey);
        if (colourType === 4) a = to8(sample(row, base + 1));
        else if (transparency !== undefined && transparency.length >= 2 && grey === trns(0)) a = 0;
      } else if (colourType === 2 || colourType === 6) {
        const red = sample(row, base);
        const green = sample(row, base + 1);
        const blue = sample(row, base + 2);
        r = to8(red);
        g = to8(green);
        b = to8(blue);
        if (colourType === 6) a = to8(sample(row, base + 3));
        else if (
          transparency !== undefined &&
          transparency.length >= 6 &&
          red === trns(0) &&
          green === trns(1) &&
          blue === trns(2)
        ) {
          a = 0;
        }
      } else {
        const index = sample(row, base);
        if (palette === undefined || index * 3 + 2 >= palette.length) {
          throw new PngError(`uses palette entry ${index}, which its palette does not have`);
        }
        r = palette[index * 3] ?? 0;
        g = palette[index * 3 + 1] ?? 0;
        b = palette[index * 3 + 2] ?? 0;
        a = transparency?.[index] ?? 255;
      }
      rgba[at] = r;
      rgba[at + 1] = g;
      rgba[at + 2] = b;
      rgba[at + 3] = a;
    }
  }
  const hasAlpha = colourType === 4 || colourType === 6 || transparency !== undefined;
  return { width, height, rgba, hasAlpha };
}

/** Undoes the per-row filters (none, sub, up, average, Paeth) into bare scanlines. */
function unfilter(raw: Buffer, stride: number, height: number, step: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let i = 0; i < stride; i++) {
      const left = i >= step ? (out[at + i - step] ?? 0) : 0;
      const up = y > 0 ? (out[at - stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= step ? (out[at - stride + i - step] ?? 0) : 0;
      const value = line[i] ?? 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new PngError(`has an unknown row filter ${filter} on row ${y + 1}`);
      }
      out[at + i] = (value + predicted) & 0xff;
    }
  }
  return out;
}
