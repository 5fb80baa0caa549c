// Renders every icon the installers need from the one source, assets/icon.svg (npm run icons):
// Linux PNGs (assets/icons/NxN.png), the Windows .ico, the macOS .icns, and the same three for
// a cycle bundle file (.planroom). Each size is rendered from the vector, not scaled down from a
// large bitmap, so the 16 px icon stays sharp. The generated files are committed, so
// `npm run dist` needs no extra step; assets/icons/source.sha256 records which svg they came
// from (tests/unit/icons.test.ts fails when the svg changed and this script was not run).
import { Resvg } from '@resvg/resvg-js';
import { Icns, IcnsImage } from '@fiahfy/icns';
import pngToIco from 'png-to-ico';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, 'assets', 'icon.svg');
const outDir = join(root, 'assets', 'icons');

const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// Windows shows 16-48 in lists and the taskbar, 256 in large views; more sizes only add weight.
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// macOS icon types that hold a PNG (the 2x types are the retina versions of the smaller ones).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/**
 * The bundle file's icon: a white page with a folded corner and the app's mark on it, so a
 * .planroom file is recognisably Planroom's yet not mistaken for the app itself. Built around the
 * source svg's own shapes (nested), so changing the mark changes both.
 */
function bundleSvg(iconSvg) {
  const inner = iconSvg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="1024" height="1024">
  <path d="M3 0.5 H10.5 L14 4 V15.5 H3 Z" fill="#ffffff" stroke="#0f172a" stroke-width="1"/>
  <path d="M10.5 0.5 V4 H14" fill="none" stroke="#0f172a" stroke-width="1"/>
  <svg x="4.5" y="6" width="8" height="8" viewBox="0 0 16 16">${inner}</svg>
</svg>`;
}

function icns(pngOf) {
  const out = new Icns();
  for (const [type, size] of ICNS_TYPES) out.append(IcnsImage.fromPNG(pngOf(size), type));
  return out.data;
}

async function writeSet(svg, name, pngDir) {
  const cache = new Map();
  const pngOf = (size) => {
    if (!cache.has(size)) cache.set(size, render(svg, size));
    return cache.get(size);
  };
  if (pngDir) for (const size of PNG_SIZES) writeFileSync(join(pngDir, `${size}x${size}.png`), pngOf(size));
  writeFileSync(join(outDir, `${name}.ico`), await pngToIco(ICO_SIZES.map(pngOf)));
  writeFileSync(join(outDir, `${name}.icns`), icns(pngOf));
  return pngOf;
}

const svg = readFileSync(sourcePath, 'utf8');
mkdirSync(outDir, { recursive: true });
await writeSet(svg, 'icon', outDir);
const bundlePng = await writeSet(bundleSvg(svg), 'bundle');
writeFileSync(join(outDir, 'bundle.png'), bundlePng(256));
writeFileSync(
  join(outDir, 'source.sha256'),
  `${createHash('sha256').update(readFileSync(sourcePath)).digest('hex')}  assets/icon.svg\n`,
);
console.log(`icons written to ${outDir}`);
