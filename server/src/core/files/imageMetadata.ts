import { crc32 } from 'node:zlib';
import type { FileContentType } from '@dajiuzhu/shared';

/**
 * Photos that may become public (wish and delivery photos) lose their metadata before they are
 * stored: EXIF (GPS position, camera, time, an embedded thumbnail of the uncropped picture), XMP,
 * IPTC, comments, text chunks, and anything appended after the image (a "motion photo" video, extra
 * MPF pictures). The pixels are not re-encoded (no image library on the server): the metadata
 * blocks are cut out of the file's own structure, which is also walked to prove the file is a
 * whole image. A file whose structure does not hold together is refused (null).
 *
 * Kept, because the picture needs them to look right: JPEG JFIF (APP0), ICC colour profile (APP2
 * "ICC_PROFILE") and Adobe colour transform (APP14); PNG's colour and transparency chunks; WebP's
 * ICC profile and animation chunks. Orientation lives in EXIF and is lost: the phone re-encodes the
 * picture upright before upload (Taro.compressImage / canvas), so nothing rotates.
 */
export interface CleanImage {
  data: Buffer;
  width: number;
  height: number;
}

export function stripImageMetadata(data: Buffer, type: FileContentType): CleanImage | null {
  try {
    if (type === 'image/jpeg') return jpeg(data);
    if (type === 'image/png') return png(data);
    if (type === 'image/webp') return webp(data);
    return null;
  } catch {
    return null; // read past the end: not a whole image
  }
}

const JPEG_KEEP_APP = (marker: number, body: Buffer) =>
  marker === 0xe0 || marker === 0xee || (marker === 0xe2 && body.toString('latin1', 0, 12) === 'ICC_PROFILE\0');
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(data: Buffer): CleanImage | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  const out: Buffer[] = [data.subarray(0, 2)];
  let i = 2;
  let width = 0;
  let height = 0;
  for (;;) {
    if (data[i] !== 0xff) return null;
    while (data[i] === 0xff) i += 1; // fill bytes
    const marker = data[i];
    i += 1;
    if (marker === undefined || marker === 0xd9) return null; // no scan at all
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    const len = data.readUInt16BE(i);
    if (len < 2 || i + len > data.length) return null;
    const body = data.subarray(i + 2, i + len);
    const segment = data.subarray(i - 2, i + len);
    i += len;
    if (isSof(marker)) {
      height = body.readUInt16BE(1);
      width = body.readUInt16BE(3);
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows, where 0xFF is always stuffed (FF 00) or a marker
      // of the scans (RSTn, DHT, SOS…); the first FF D9 is the end of this image. Anything after it
      // (trailers, appended videos or pictures) is dropped.
      const end = data.indexOf(Buffer.from([0xff, 0xd9]), i);
      if (end < 0 || !width || !height) return null;
      out.push(segment, data.subarray(i, end + 2));
      return { data: Buffer.concat(out), width, height };
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xfe || (isApp && !JPEG_KEEP_APP(marker, body))) continue; // comment or metadata
    out.push(segment);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that draw the picture; everything else (tEXt, zTXt, iTXt, eXIf, tIME, private chunks) goes. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

function png(data: Buffer): CleanImage | null {
  if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const out: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  let width = 0;
  let height = 0;
  while (i + 12 <= data.length) {
    const len = data.readUInt32BE(i);
    const type = data.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > data.length) return null;
    // The CRC covers type and data: a chunk that fails it is damaged, so is the file.
    if (crc32(data.subarray(i + 4, i + 8 + len)) !== data.readUInt32BE(i + 8 + len)) return null;
    if (i === 8) {
      if (type !== 'IHDR') return null;
      width = data.readUInt32BE(i + 8);
      height = data.readUInt32BE(i + 12);
    }
    if (PNG_KEEP.has(type)) out.push(data.subarray(i, end));
    i = end;
    if (type === 'IEND') return width && height ? { data: Buffer.concat(out), width, height } : null;
  }
  return null;
}

/** WebP chunks kept; EXIF and XMP go (and their flags in VP8X). */
const WEBP_DROP = new Set(['EXIF', 'XMP ']);

function webp(data: Buffer): CleanImage | null {
  if (data.length < 20 || data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WEBP') return null;
  const riffEnd = 8 + data.readUInt32LE(4);
  if (riffEnd > data.length) return null;
  const out: Buffer[] = [];
  let i = 12;
  let width = 0;
  let height = 0;
  let image = false;
  while (i + 8 <= riffEnd) {
    const type = data.toString('latin1', i, i + 4);
    const len = data.readUInt32LE(i + 4);
    const end = i + 8 + len + (len % 2);
    if (i + 8 + len > riffEnd) return null;
    const body = data.subarray(i + 8, i + 8 + len);
    if (type === 'VP8X') {
      width = body.readUIntLE(4, 3) + 1;
      height = body.readUIntLE(7, 3) + 1;
      const chunk = Buffer.from(data.subarray(i, Math.min(end, riffEnd)));
      chunk[8] &= ~(0x08 | 0x04); // the EXIF and XMP flags
      out.push(chunk);
    } else if (!WEBP_DROP.has(type)) {
      if (type === 'VP8 ' && len >= 10) {
        if (body[3] !== 0x9d || body[4] !== 0x01 || body[5] !== 0x2a) return null;
        width ||= body.readUInt16LE(6) & 0x3fff;
        height ||= body.readUInt16LE(8) & 0x3fff;
        image = true;
      } else if (type === 'VP8L' && len >= 5) {
        if (body[0] !== 0x2f) return null;
        const bits = body.readUInt32LE(1);
        width ||= (bits & 0x3fff) + 1;
        height ||= ((bits >> 14) & 0x3fff) + 1;
        image = true;
      } else if (type === 'ANIM' || type === 'ANMF') {
        image = true;
      }
      out.push(data.subarray(i, Math.min(end, riffEnd)));
    }
    i = end;
  }
  if (!image || !width || !height) return null;
  const chunks = Buffer.concat(out);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(chunks.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { data: Buffer.concat([header, chunks]), width, height };
}
