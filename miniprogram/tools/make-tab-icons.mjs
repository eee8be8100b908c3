// Generates the small tab-bar PNG icons (81×81, transparent) into src/assets/tab. No dependencies.
// Run: node tools/make-tab-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const S = 81;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function png(inside, [r, g, b]) {
  const raw = Buffer.alloc((S * 4 + 1) * S);
  for (let y = 0; y < S; y++) {
    raw[y * (S * 4 + 1)] = 0;
    for (let x = 0; x < S; x++) {
      const o = y * (S * 4 + 1) + 1 + x * 4;
      const on = inside(x + 0.5, y + 0.5);
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = on ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const shapes = {
  // roof triangle + body
  home: (x, y) => (y >= 14 && y <= 40 && Math.abs(x - 40.5) <= (y - 14) * 1.15) || (x >= 20 && x <= 61 && y >= 38 && y <= 68 && !(x >= 34 && x <= 47 && y >= 50)),
  // four rounded squares
  services: (x, y) => [[14, 14], [44, 14], [14, 44], [44, 44]].some(([a, b]) => x >= a && x <= a + 23 && y >= b && y <= b + 23),
  // head + shoulders
  mine: (x, y) => (x - 40.5) ** 2 + (y - 27) ** 2 <= 13 ** 2 || ((x - 40.5) ** 2 / 26 ** 2 + (y - 72) ** 2 / 26 ** 2 <= 1 && y <= 68),
};
const dir = fileURLToPath(new URL('../src/assets/tab/', import.meta.url));
for (const [name, f] of Object.entries(shapes)) {
  writeFileSync(dir + `${name}.png`, png(f, [0x5c, 0x63, 0x70]));
  writeFileSync(dir + `${name}-active.png`, png(f, [0xc8, 0x32, 0x2b]));
}
