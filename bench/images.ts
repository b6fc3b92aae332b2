// npm run bench:images: the image pipeline on a fixture set of 12 photos and scans.
// Prints JSON per image and in all: bytes before and after, the size reduction, SSIM of the web
// variant against the original scaled to the same size, and the conversion time per image, with
// the targets beside them (≥ 70 % smaller at SSIM ≥ 0.98; ≤ 0.5 s per 4 MP photo on this machine).
// The fixtures are generated, deterministically: photo-like scenes (gradient sky, shapes, blur,
// sensor noise) saved as a phone saves them (JPEG 92, 4–12 MP), and A4 pages at 200 dpi.
import os from 'node:os';
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { convertImage } from '../server/image-variants/image-convert.ts';

interface Fixture {
  name: string;
  kind: 'photo' | 'scan';
  data: Buffer;
  megapixels: number;
}

/** librsvg takes hex colours, not hsl(). */
function hsl(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

const rnd = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

async function photo(index: number, width: number, height: number): Promise<Fixture> {
  const r = rnd(index + 1);
  const hue = Math.floor(r() * 360);
  const shapes = Array.from({ length: 14 }, () => {
    const [x, y, s] = [r() * width, height * (0.35 + r() * 0.65), 40 + r() * width * 0.18];
    const colour = hsl(Math.floor(r() * 360), 30 + Math.floor(r() * 50), 25 + Math.floor(r() * 50));
    return r() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${colour}"/>`
      : `<rect x="${x}" y="${y}" width="${s}" height="${s * (0.5 + r())}" fill="${colour}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 60, 70)}"/><stop offset="0.55" stop-color="${hsl((hue + 40) % 360, 40, 85)}"/>
      <stop offset="1" stop-color="${hsl((hue + 180) % 360, 35, 35)}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>${shapes}</svg>`;
  const scene = await sharp(Buffer.from(svg)).blur(1.2).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 6 } },
  })
    .raw()
    .toBuffer();
  const mixed = Buffer.alloc(scene.data.length);
  for (let i = 0; i < mixed.length; i++)
    mixed[i] = Math.max(0, Math.min(255, scene.data[i]! + noise[i % noise.length]! - 128));
  const data = await sharp(mixed, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
  return { name: `photo-${index + 1}-${width}x${height}.jpg`, kind: 'photo', data, megapixels: (width * height) / 1e6 };
}

async function scan(index: number): Promise<Fixture> {
  const [width, height] = [1654, 2339];
  const r = rnd(100 + index);
  const lines = Array.from({ length: 38 }, (_, i) => {
    const words = Array.from({ length: 6 + Math.floor(r() * 10) }, () =>
      '合同条款客户付款交付验收'.slice(0, 1 + Math.floor(r() * 4)),
    ).join(' ');
    return `<text x="150" y="${260 + i * 52}" font-size="30" fill="#222">${i + 1}. ${words} ${Math.floor(r() * 1e6)}</text>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f7f6f2"/>
    <text x="150" y="170" font-size="56" fill="#111">销售合同 第 ${index + 1} 页</text>${lines}
    <circle cx="1300" cy="2000" r="120" fill="none" stroke="#c33" stroke-width="10"/></svg>`;
  const data = await sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toBuffer();
  return { name: `scan-${index + 1}-a4-200dpi.jpg`, kind: 'scan', data, megapixels: (width * height) / 1e6 };
}

async function rgba(input: Buffer, width: number, height: number) {
  const { data, info } = await sharp(input)
    .autoOrient()
    .resize(width, height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

const sizes: Array<[number, number]> = [
  [2448, 1632],
  [2448, 1632],
  [2448, 1632],
  [4032, 3024],
  [4032, 3024],
  [3264, 2448],
  [1632, 2448],
  [4000, 3000],
];
process.stderr.write('[bench:images] generating fixtures\n');
const fixtures = [
  ...(await Promise.all(sizes.map(([w, h], i) => photo(i, w, h)))),
  ...(await Promise.all([0, 1, 2, 3].map(scan))),
];
const results: Array<{
  name: string;
  kind: string;
  detectedAs: string;
  megapixels: number;
  bytesBefore: number;
  bytesAfter: number;
  reductionPct: number;
  ssim: number;
  seconds: number;
  secondsPer4MP: number;
}> = [];
for (const fixture of fixtures) {
  const started = process.hrtime.bigint();
  const converted = await convertImage(fixture.data);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { width, height } = converted.web;
  const original = await rgba(fixture.data, width, height);
  const variant = await rgba(converted.web.data, width, height);
  const { mssim } = ssim(original, variant);
  results.push({
    name: fixture.name,
    kind: fixture.kind,
    detectedAs: converted.kind,
    megapixels: Math.round(fixture.megapixels * 10) / 10,
    bytesBefore: fixture.data.length,
    bytesAfter: converted.web.data.length,
    reductionPct: Math.round((1 - converted.web.data.length / fixture.data.length) * 1000) / 10,
    ssim: Math.round(mssim * 10000) / 10000,
    seconds: Math.round(seconds * 1000) / 1000,
    secondsPer4MP: Math.round(((seconds * 4) / fixture.megapixels) * 1000) / 1000,
  });
  process.stderr.write(`[bench:images] ${fixture.name}\n`);
}
const total = (key: 'bytesBefore' | 'bytesAfter') => results.reduce((s, r) => s + r[key], 0);
const photos = results.filter((r) => r.kind === 'photo');
const summary = {
  images: results.length,
  reductionPct: Math.round((1 - total('bytesAfter') / total('bytesBefore')) * 1000) / 10,
  minSsim: Math.min(...results.map((r) => r.ssim)),
  maxSecondsPer4MPPhoto: Math.max(...photos.map((r) => r.secondsPer4MP)),
  kindDetectedRight: results.filter((r) => r.kind === r.detectedAs).length,
};
const targets = { reductionPct: 70, minSsim: 0.98, maxSecondsPer4MPPhoto: 0.5 };
console.log(
  JSON.stringify(
    {
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
      summary,
      targets,
      withinTargets:
        summary.reductionPct >= targets.reductionPct &&
        summary.minSsim >= targets.minSsim &&
        summary.maxSecondsPer4MPPhoto <= targets.maxSecondsPer4MPPhoto,
      results,
    },
    null,
    2,
  ),
);
