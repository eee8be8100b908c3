import { JPEG_16, SECRET, WEBP_16, jpegWithMetadata, pngImage, pngWithMetadata, webpWithMetadata } from '../../../../test/support/images';
import { stripImageMetadata } from './imageMetadata';

const has = (b: Buffer, text: string) => b.includes(Buffer.from(text, 'latin1'));

describe('stripImageMetadata: public photos are stored without what the camera wrote', () => {
  it('JPEG: EXIF, XMP, comments and an appended trailer go; the picture stays byte for byte', () => {
    const dirty = jpegWithMetadata();
    expect(has(dirty, SECRET)).toBe(true);
    const clean = stripImageMetadata(dirty, 'image/jpeg');
    expect(clean).toMatchObject({ width: 16, height: 16 });
    expect(has(clean!.data, SECRET)).toBe(false);
    expect(has(clean!.data, 'Exif')).toBe(false);
    expect(clean!.data.equals(JPEG_16)).toBe(true);
  });

  it('PNG: text and eXIf chunks go, the image chunks stay', () => {
    const clean = stripImageMetadata(pngWithMetadata(), 'image/png');
    expect(clean).toMatchObject({ width: 16, height: 16 });
    expect(has(clean!.data, SECRET)).toBe(false);
    expect(clean!.data.equals(pngImage(16, 16, [10, 120, 200]))).toBe(true);
  });

  it('WebP: the EXIF chunk and its flag go', () => {
    const clean = stripImageMetadata(webpWithMetadata(), 'image/webp');
    expect(clean).toMatchObject({ width: 16, height: 16 });
    expect(has(clean!.data, SECRET)).toBe(false);
    expect(clean!.data.equals(WEBP_16)).toBe(true);
  });

  it('refuses files whose structure does not hold together', () => {
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake item photo')]);
    expect(stripImageMetadata(fakeJpeg, 'image/jpeg')).toBeNull();
    expect(stripImageMetadata(JPEG_16.subarray(0, 200), 'image/jpeg')).toBeNull(); // cut short
    const png = pngImage(4, 4);
    const damaged = Buffer.from(png);
    damaged[40] ^= 0xff; // a byte of the image data: the chunk's CRC no longer matches
    expect(stripImageMetadata(damaged, 'image/png')).toBeNull();
    expect(stripImageMetadata(png.subarray(0, png.length - 12), 'image/png')).toBeNull(); // no IEND
    expect(stripImageMetadata(Buffer.from('RIFF\x04\0\0\0WEBP', 'latin1'), 'image/webp')).toBeNull();
    expect(stripImageMetadata(Buffer.from('%PDF-1.7'), 'application/pdf')).toBeNull();
  });
});
