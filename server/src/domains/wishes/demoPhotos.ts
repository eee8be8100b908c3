import { encodePng } from '../../core/files/pngEncode';

/**
 * Photos for the demo story's wishes, generated when the demo is seeded (no binary files in the
 * repository): a wrapped present on a coloured ground, one colour pair per item, as a real PNG
 * (320 × 240). Only the item, as the photo rule asks — nobody in the picture.
 */
export type DemoPhotoKind = 'radio' | 'schoolBag' | 'glasses' | 'thermos' | 'batteries' | 'riceCooker' | 'delivered';

const COLOURS: Record<DemoPhotoKind, { ground: [number, number, number]; box: [number, number, number] }> = {
  radio: { ground: [250, 236, 214], box: [196, 90, 40] },
  schoolBag: { ground: [222, 236, 250], box: [40, 96, 176] },
  glasses: { ground: [236, 246, 226], box: [70, 130, 60] },
  thermos: { ground: [246, 230, 240], box: [170, 60, 120] },
  batteries: { ground: [240, 240, 240], box: [90, 90, 110] },
  riceCooker: { ground: [252, 244, 220], box: [200, 150, 30] },
  delivered: { ground: [228, 244, 240], box: [30, 130, 110] },
};
const RIBBON: [number, number, number] = [220, 40, 50];
const W = 320;
const H = 240;

/** The colour of one pixel: ground, the box, the ribbon across it, and a bow on top. */
function pixel(kind: DemoPhotoKind, x: number, y: number): [number, number, number] {
  const { ground, box } = COLOURS[kind];
  const inBox = x >= 90 && x < 230 && y >= 90 && y < 200;
  const bow = y >= 60 && y < 90 && Math.abs(x - 160) <= (90 - y) * 1.6 && Math.abs(x - 160) >= 4;
  if (bow) return RIBBON;
  if (!inBox) return ground;
  if (Math.abs(x - 160) < 9 || Math.abs(y - 140) < 8) return RIBBON;
  return box;
}

export function demoItemPhoto(kind: DemoPhotoKind): Buffer {
  return encodePng(W, H, (x, y) => pixel(kind, x, y));
}
