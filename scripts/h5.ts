import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const H5_INDEX = path.join(ROOT, 'miniprogram/dist/h5/index.html');

/** Builds the H5 app with Taro (webpack5, `--no-check`: Taro otherwise fetches a schema online). */
export function buildH5(): void {
  console.log('Building the H5 app (Taro)…');
  execFileSync('npx', ['taro', 'build', '--type', 'h5', '--no-check'], {
    cwd: path.join(ROOT, 'miniprogram'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function h5Exists(): boolean {
  return existsSync(H5_INDEX);
}
