/**
 * Share images (爱心证书, 幸福清单): drawn once with the standard canvas calls, sharp (three device
 * pixels per CSS pixel) and savable. H5 draws on an off-screen <canvas> and shows the PNG; weapp
 * draws on the page's <Canvas> and exports it with `canvasToTempFilePath` at three times its size.
 */
import Taro from '@tarojs/taro';

/** The calls a picture uses: the same names on a browser's 2D context and WeChat's CanvasContext. */
export interface Painter {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textAlign: 'left' | 'center' | 'right';
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
}

export interface ShareImage {
  width: number;
  height: number;
  draw: (p: Painter) => void;
}

/** Device pixels per CSS pixel of the exported image. */
const SCALE = 3;

export const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px sans-serif`;

/**
 * Renders the picture and returns where it is: a PNG data URL on H5, a temporary file on weapp
 * (`canvasId` names the page's <Canvas> of `width` × `height` CSS px).
 */
export async function renderShareImage(image: ShareImage, canvasId: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = image.width * SCALE;
    canvas.height = image.height * SCALE;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.scale(SCALE, SCALE);
    image.draw(ctx as unknown as Painter);
    return canvas.toDataURL('image/png');
  }
  const ctx = Taro.createCanvasContext(canvasId);
  image.draw(ctx as unknown as Painter);
  await new Promise<void>((resolve) => ctx.draw(false, () => resolve()));
  const out = await Taro.canvasToTempFilePath({ canvasId, width: image.width, height: image.height, destWidth: image.width * SCALE, destHeight: image.height * SCALE, fileType: 'png' });
  return out.tempFilePath;
}

/** H5: downloads the picture at `path` (a data or blob URL) as `fileName`. */
export function downloadOnH5(path: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = path;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Keeps the picture: H5 downloads the PNG; weapp offers WeChat's share-image menu (send or save), else saves to the album. */
export async function saveShareImage(path: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    downloadOnH5(path, fileName);
    return;
  }
  try {
    await Taro.showShareImageMenu({ path });
  } catch {
    await Taro.saveImageToPhotosAlbum({ filePath: path });
    await Taro.showToast({ title: '已保存到相册', icon: 'success' });
  }
}
