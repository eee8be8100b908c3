import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data and the CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/**
 * A real, decodable truecolour PNG drawn pixel by pixel: the demo's wish photos and the tests'
 * images, generated instead of kept as binary files. `extra` chunks go before the image data (a test
 * adds the metadata a camera would write); `level` is zlib's (0 keeps the pixels readable as bytes).
 */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb, opts: { extra?: Buffer[]; level?: number } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const stride = 1 + width * 3; // each row starts with its filter byte (0: none)
  const raw = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      const at = y * stride + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(opts.extra ?? []),
    pngChunk('IDAT', deflateSync(raw, opts.level === undefined ? {} : { level: opts.level })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
