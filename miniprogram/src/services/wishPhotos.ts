/**
 * Photos of a wish or of its delivery: chosen on the phone, compressed below WeChat's image-check
 * limit (packages/wish/photoCompression.ts decides size and quality), then uploaded. Re-encoding
 * also drops the camera's EXIF (position, device); the server strips any that is left.
 * weapp: chooseMedia → compressImage (width/height/quality) → check the file size, again lower if
 * needed. H5: the File → an <img> → a canvas of the planned size → JPEG blob, again lower if needed.
 */
import Taro from '@tarojs/taro';
import type { FileView } from '@dajiuzhu/shared';
import { nextStep, photoLimits, planPhoto, type PhotoLimits } from '../packages/wish/photoCompression';
import { upload, type UploadSource } from './request';

export type WishPhotoPurpose = 'wishPhoto' | 'deliveryPhoto';

/** A compressed photo ready to upload, with a preview the page can show at once. */
export interface CompressedPhoto {
  source: UploadSource;
  preview: string;
  bytes: number;
}

export class PhotoTooLargeError extends Error {
  constructor() {
    super('这张照片压缩后仍然太大，请换一张，或只拍物品本身');
  }
}

/** weapp: one photo from the camera or the album; null when cancelled. */
export async function chooseWishPhoto(): Promise<string | null> {
  try {
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    return r.tempFiles[0]?.tempFilePath ?? null;
  } catch {
    return null; // cancelled
  }
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({ filePath, success: (r) => resolve(r.size), fail: reject });
  });
}

async function compressWeapp(path: string, limits: PhotoLimits): Promise<CompressedPhoto> {
  const info = await Taro.getImageInfo({ src: path });
  const plan = planPhoto(info, limits);
  let quality = plan.quality;
  for (;;) {
    const out = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: plan.width, compressedHeight: plan.height } as Taro.compressImage.Option);
    const bytes = await fileSize(out.tempFilePath);
    const step = nextStep(quality, bytes, limits);
    if (step.done) return { source: { path: out.tempFilePath, name: 'photo.jpg' }, preview: out.tempFilePath, bytes };
    if ('tooLarge' in step) throw new PhotoTooLargeError();
    quality = step.quality;
  }
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('不是可以打开的图片，请换一张照片'));
    img.src = URL.createObjectURL(file);
  });
}

async function compressH5(file: File, limits: PhotoLimits): Promise<CompressedPhoto> {
  const img = await loadImage(file);
  // The browser applies the EXIF orientation when it decodes, so the drawn picture is upright.
  const plan = planPhoto({ width: img.naturalWidth, height: img.naturalHeight }, limits);
  const canvas = document.createElement('canvas');
  canvas.width = plan.width;
  canvas.height = plan.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('无法处理照片');
  ctx.fillStyle = '#ffffff'; // a transparent PNG becomes a JPEG on white, not black
  ctx.fillRect(0, 0, plan.width, plan.height);
  ctx.drawImage(img, 0, 0, plan.width, plan.height);
  URL.revokeObjectURL(img.src);
  let quality = plan.quality;
  for (;;) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('无法处理照片');
    const step = nextStep(quality, blob.size, limits);
    if (step.done) {
      const out = new File([blob], 'photo.jpg', { type: 'image/jpeg' });
      return { source: out, preview: URL.createObjectURL(blob), bytes: blob.size };
    }
    if ('tooLarge' in step) throw new PhotoTooLargeError();
    quality = step.quality;
  }
}

/** Compresses a chosen photo (H5: a File; weapp: a temporary path) below the limits in force. */
export function compressWishPhoto(chosen: File | string, serverMaxBytes?: number): Promise<CompressedPhoto> {
  const limits = photoLimits(serverMaxBytes);
  return typeof chosen === 'string' ? compressWeapp(chosen, limits) : compressH5(chosen, limits);
}

export const uploadWishPhoto = (photo: CompressedPhoto, purpose: WishPhotoPurpose) =>
  upload<FileView>({ path: '/api/v1/files', query: { purpose }, file: photo.source });
