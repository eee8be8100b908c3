import { encodePng, pngChunk } from '../../server/src/core/files/pngEncode';

/**
 * Real, decodable images for tests, and the same images carrying metadata a phone camera writes
 * (EXIF with a GPS position, comments, text chunks, an appended trailer), so a test can show the
 * server stores the picture without it.
 */

/** A 16×16 JPEG (CPython's test image, Lib/test/imghdrdata/python.jpg). */
export const JPEG_16 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);

/** A 16×16 WebP with alpha (CPython's Lib/test/imghdrdata/python.webp; VP8X + ALPH + VP8). */
export const WEBP_16 = Buffer.from(
  'UklGRqgBAABXRUJQVlA4WAoAAAAQAAAADwAADwAAQUxQSMMAAAABJ6KokSTleucYX+ffKpmImP90cY3gJjDi4Yt3MsjBEVyDKzDosHgVjnhRNcEIDAJPkqBqsFUZHNa2bUYvTsZ2PLbtd/uvKa4hov9J0f2PkPe6REkkGzolkTTzFG0Ox9PlFiD0CxS+kOGDtxoynjaCfx0pfk52CPuInrOR75lzRugygtv4zEiy90UwfSD9NheMITJWLaXWayO8XeOlWRXVnIGk2W6WdYoYMQ+KqixQNPowgt+6a1BSKbUtz+lUFAoBAAAAVlA4IL4AAACQAgCdASoQABAAAwA0JbACdDBPCIUMfAMdCCz96AD+/XSg/QKbH4r3Q3ycN/bSDK/T/zVo4u6nvclvG/SqxWOuup+XhN9BojvaW+Tv+MvxvX/hr/o/5Qns9LtmX/+qKdl/yWznhuasl7nkxvSTI4xf3Y85VSB/lU/8Ofj/b9JrA+ifvIOYZm2x1RP/dhfmsf5diuSfR7+z+r/+HR3zEo/+XM/B+vkYw73Pzx+ROaAB/ZoBSzEs3rzZe6qsAAAA',
  'base64',
);

/** What a camera might leave in a file: a GPS position and a device name. */
export const SECRET = 'GPS 36.4512N 116.3076E Xiaomi 13';

/** A real PNG of `width` × `height` in one colour; `extra` chunks go before the image data. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [240, 120, 40], extra: Buffer[] = []): Buffer {
  return encodePng(width, height, () => rgb, { extra });
}

/**
 * A real 2×1 PNG whose pixels spell "RISKY" in its (uncompressed) image data: the fake WeChat image
 * check (test/support/fakeWechatContent.ts) refuses images containing that word, and the image data
 * is what survives the metadata stripping.
 */
export function riskyPng(): Buffer {
  const letters = Buffer.from('RISKY!', 'latin1');
  return encodePng(2, 1, (x) => [letters[x * 3], letters[x * 3 + 1], letters[x * 3 + 2]], { level: 0 });
}

/** A PNG with a text chunk and an eXIf chunk holding the secret. */
export const pngWithMetadata = () =>
  pngImage(16, 16, [10, 120, 200], [pngChunk('tEXt', Buffer.from(`Comment\0${SECRET}`, 'latin1')), pngChunk('eXIf', Buffer.from(`MM\0*${SECRET}`, 'latin1'))]);

/** The JPEG with an EXIF segment (APP1), an XMP segment, a comment, and a trailer after its end. */
export function jpegWithMetadata(): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  return Buffer.concat([
    JPEG_16.subarray(0, 2),
    segment(0xe1, Buffer.from(`Exif\0\0MM\0*${SECRET}`, 'latin1')),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}</x:xmpmeta>`, 'latin1')),
    segment(0xfe, Buffer.from(SECRET, 'latin1')),
    JPEG_16.subarray(2),
    Buffer.from(`MotionPhoto_Data ${SECRET}`, 'latin1'),
  ]);
}

/** The WebP with an EXIF chunk (and its VP8X flag). */
export function webpWithMetadata(): Buffer {
  const exif = Buffer.from(`MM\0*${SECRET}`, 'latin1');
  const chunk = Buffer.alloc(8 + exif.length + (exif.length % 2));
  chunk.write('EXIF', 0, 'latin1');
  chunk.writeUInt32LE(exif.length, 4);
  exif.copy(chunk, 8);
  const body = Buffer.concat([WEBP_16.subarray(12), chunk]);
  const out = Buffer.concat([WEBP_16.subarray(0, 12), body]);
  out.writeUInt32LE(body.length + 4, 4);
  out[20] |= 0x08; // VP8X: has EXIF
  return out;
}
