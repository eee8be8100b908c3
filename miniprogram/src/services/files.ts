/**
 * Picking a file on the phone and handing a downloaded file to the person. The transfer itself is
 * the request layer's (`upload` / `download` in request.ts); this is only the platform's UI.
 */
import Taro from '@tarojs/taro';
import type { DownloadedFile, UploadSource } from './request';

export interface PickOptions {
  /** H5: the input's accept list, e.g. 'image/jpeg,application/pdf'. */
  accept: string;
  /** weapp: extensions offered by chooseMessageFile, e.g. ['jpg', 'pdf']. */
  extensions: string[];
  /** weapp: 'all' (photos and files) or 'file'. */
  type?: 'all' | 'file';
}

/** One file chosen by the person (H5: a file input; weapp: from a chat), or null when cancelled. */
export async function pickFile(opts: PickOptions): Promise<UploadSource | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise<File | null>((resolve) => {
      const el = document.createElement('input');
      el.type = 'file';
      el.accept = opts.accept;
      el.style.display = 'none';
      el.onchange = () => {
        resolve(el.files?.[0] ?? null);
        el.remove();
      };
      document.body.appendChild(el);
      el.click();
    });
  }
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: opts.type ?? 'all', extension: opts.extensions });
    return { path: r.tempFiles[0].path, name: r.tempFiles[0].name };
  } catch {
    return null; // cancelled
  }
}

/**
 * Gives a downloaded file to the person: H5 saves it under `fileName`; weapp opens it in WeChat's
 * viewer (print or forward from there).
 */
export async function saveOrOpen(file: DownloadedFile, fileName: string, fileType?: 'pdf'): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = file.filePath;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(file.filePath), 10_000);
    return;
  }
  // WeChat opens PDF and Office files; anything else (CSV) stays downloaded.
  await Taro.openDocument({ filePath: file.filePath, ...(fileType ? { fileType } : {}), showMenu: true }).catch(() => Taro.showToast({ title: '已下载', icon: 'none' }));
}

/** What a downloaded file is: H5 knows the server's content type (sniffed from the bytes); weapp knows the temporary file's extension. */
export function kindOfDownloaded(file: DownloadedFile): 'pdf' | 'image' | 'other' {
  const type = file.blob?.type ?? '';
  if (type === 'application/pdf' || /\.pdf$/i.test(file.filePath)) return 'pdf';
  if (type.startsWith('image/') || /\.(jpe?g|png|webp|gif)$/i.test(file.filePath)) return 'image';
  return 'other';
}

/**
 * Opens a downloaded PDF to read: H5 in a new browser tab (the browser's own viewer), weapp in
 * WeChat's document viewer. (An <img> of a PDF is a black box with a broken image: issue 13.)
 */
export async function openPdf(file: DownloadedFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = file.filePath;
    a.target = '_blank';
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // The tab reads the object URL once it opens; free it a minute later.
    setTimeout(() => URL.revokeObjectURL(file.filePath), 60_000);
    return;
  }
  await Taro.openDocument({ filePath: file.filePath, fileType: 'pdf', showMenu: true });
}

