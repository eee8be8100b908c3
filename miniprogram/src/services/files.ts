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
