// The icons the installers use (assets/icons/, committed) against their one source,
// assets/icon.svg: every size is there at its size, the .ico and .icns hold the sizes each
// platform shows, and they were rendered from the svg as it is now (npm run icons).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const icons = join(ROOT, 'assets', 'icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The sizes in an .ico directory (a width byte of 0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
}

/** The element types in an .icns file, with the pixel size of each PNG element. */
function icnsElements(icns: Buffer): Map<string, number> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const found = new Map<string, number>();
  for (let at = 8; at < icns.length;) {
    const type = icns.toString('latin1', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    found.set(type, pngSize(icns.subarray(at + 8, at + length)).width);
    at += length;
  }
  return found;
}

describe('icons', () => {
  it.each(PNG_SIZES)('has the %i px Linux icon at its size', (size) => {
    expect(pngSize(readFileSync(join(icons, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });

  it.each(['icon', 'bundle'])('has a Windows %s.ico with 16 to 256 px', (name) => {
    expect(icoSizes(readFileSync(join(icons, `${name}.ico`)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it.each(['icon', 'bundle'])('has a macOS %s.icns with every size up to 1024 px (512@2x)', (name) => {
    const elements = icnsElements(readFileSync(join(icons, `${name}.icns`)));
    expect(elements.get('icp4')).toBe(16);
    expect(elements.get('ic11')).toBe(32);
    expect(elements.get('ic08')).toBe(256);
    expect(elements.get('ic09')).toBe(512);
    expect(elements.get('ic10')).toBe(1024);
  });

  it('were rendered from the svg as it is now (else run npm run icons and commit)', () => {
    const svgHash = createHash('sha256')
      .update(readFileSync(join(ROOT, 'assets', 'icon.svg')))
      .digest('hex');
    const recorded = readFileSync(join(icons, 'source.sha256'), 'utf8').split(/\s+/)[0];
    expect(recorded).toBe(svgHash);
  });
});
