import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live. Local disk under DATA_DIR by default; an object-storage implementation
 * (COS/OSS/S3) only needs these two methods. Keys are random ids, never derived from user input.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export function localDiskStorage(root: string): FileStorage {
  const fileFor = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, data) {
      const target = fileFor(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      await writeFile(`${target}.part`, data, { mode: 0o600 });
      await rename(`${target}.part`, target);
    },
    get: (key) => readFile(fileFor(key)),
  };
}
