/**
 * The 爱心证书 picture, drawn sharp at the phone's own resolution and kept by the donor: saved to the
 * album on weapp (asking for the album permission the way WeChat requires), downloaded on H5.
 * The drawing itself is certificateImage.ts (no data of the person helped beyond the district).
 */
import Taro from '@tarojs/taro';
import { downloadOnH5, type Painter, type ShareImage } from '../../services/shareImage';

/**
 * Device pixels per CSS pixel of the exported picture: the screen's own ratio, but at least 2 (a
 * picture made on a low-density screen is looked at on 3× phones) and at most 4 (memory).
 */
export function exportScale(pixelRatio: number | undefined): number {
  const r = Number.isFinite(pixelRatio) && pixelRatio! > 0 ? pixelRatio! : 2;
  return Math.min(4, Math.max(2, r));
}

/** The exported picture's size in device pixels. */
export function exportSize(image: Pick<ShareImage, 'width' | 'height'>, pixelRatio: number | undefined): { width: number; height: number; scale: number } {
  const scale = exportScale(pixelRatio);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale), scale };
}

function devicePixelRatio(): number | undefined {
  if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio;
  const t = Taro as unknown as { getWindowInfo?: () => { pixelRatio: number } };
  return typeof t.getWindowInfo === 'function' ? t.getWindowInfo().pixelRatio : Taro.getSystemInfoSync().pixelRatio;
}

/**
 * Draws the picture and returns where it is: a PNG data URL on H5 (a canvas of width × scale
 * device pixels, its context scaled so the drawing is in CSS pixels), a temporary file on weapp
 * (the page's <Canvas> exported at width × scale).
 */
export async function renderCertificate(image: ShareImage, canvasId: string): Promise<{ path: string; width: number; height: number }> {
  const size = exportSize(image, devicePixelRatio());
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.scale(size.scale, size.scale);
    image.draw(ctx as unknown as Painter);
    return { path: canvas.toDataURL('image/png'), width: size.width, height: size.height };
  }
  const ctx = Taro.createCanvasContext(canvasId);
  image.draw(ctx as unknown as Painter);
  await new Promise<void>((resolve) => ctx.draw(false, () => resolve()));
  const out = await Taro.canvasToTempFilePath({ canvasId, width: image.width, height: image.height, destWidth: size.width, destHeight: size.height, fileType: 'png' });
  return { path: out.tempFilePath, width: size.width, height: size.height };
}

/** What to do about the album permission (`scope.writePhotosAlbum` in getSetting): save, ask, or send to settings. */
export type AlbumStep = 'save' | 'ask' | 'settings';
export function albumStep(granted: boolean | undefined): AlbumStep {
  if (granted === true) return 'save';
  // Once refused, WeChat never asks again by itself: only the settings page can grant it.
  return granted === false ? 'settings' : 'ask';
}

/**
 * weapp: the album permission, asked for as WeChat requires — the first time through authorize (the
 * privacy agreement pops up first when needed, PrivacyPopup); after a refusal, an explanation and
 * WeChat's settings page. False when the person does not grant it.
 */
async function albumPermission(): Promise<boolean> {
  const { authSetting } = await Taro.getSetting();
  let step = albumStep((authSetting as Record<string, boolean | undefined>)['scope.writePhotosAlbum']);
  if (step === 'save') return true;
  if (step === 'ask') {
    try {
      await Taro.authorize({ scope: 'scope.writePhotosAlbum' });
      return true;
    } catch {
      step = 'settings';
    }
  }
  const { confirm } = await Taro.showModal({ title: '需要“保存到相册”权限', content: '保存爱心证书图片需要允许保存到相册。可以在设置中打开，或长按图片发送给朋友。', confirmText: '去设置', cancelText: '暂不' });
  if (!confirm) return false;
  const after = await Taro.openSetting();
  return (after.authSetting as Record<string, boolean | undefined>)['scope.writePhotosAlbum'] === true;
}

/** Keeps the picture: H5 downloads the PNG; weapp saves it to the album. False when not saved (no permission). */
export async function keepCertificate(path: string, fileName: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    downloadOnH5(path, fileName);
    return true;
  }
  if (!(await albumPermission())) return false;
  await Taro.saveImageToPhotosAlbum({ filePath: path });
  await Taro.showToast({ title: '已保存到相册', icon: 'success' });
  return true;
}
