// Draws the add-in's icons (a green shield bearing a white ledger page) as
// PNG files in assets/, with no image library: pixels are computed with 4×4
// supersampling, then written as RGBA PNG with node's zlib.
// Run: node scripts/make-icons.mjs  (the PNGs are committed; run again only to change them)
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1e, 0x7b, 0x45];
const DARK_GREEN = [0x14, 0x5a, 0x32];
const WHITE = [0xff, 0xff, 0xff];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
mkdirSync(join(root, "assets"), { recursive: true });
for (const size of SIZES) {
  const file = join(root, "assets", `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, draw(size)));
  console.log(`wrote ${file}`);
}

/** Colour of the point (x, y) of the unit square, or null outside the shield. */
function colourAt(x, y, size) {
  const inShield = (px, py, inset) => {
    const top = 0.06 + inset;
    if (py < top || py > 0.96 - inset) return false;
    const half = 0.4 - inset;
    const dx = Math.abs(px - 0.5);
    if (py <= 0.52) return dx <= half;
    const t = (py - 0.52) / (0.44 - inset);
    return dx <= half * (1 - t * t);
  };
  if (!inShield(x, y, 0)) return null;
  // The page, with table lines; fewer and thicker lines at small sizes, so they stay visible.
  const small = size <= 16;
  const page = { left: 0.29, right: 0.71, top: 0.2, bottom: 0.7 };
  if (x >= page.left && x <= page.right && y >= page.top && y <= page.bottom) {
    const stroke = small ? 0.09 : Math.max(0.045, 1.5 / size);
    const rows = small ? [0.36, 0.54] : [0.33, 0.44, 0.55];
    const inLine = rows.some((r) => Math.abs(y - r) <= stroke / 2) && x >= 0.35 && x <= 0.65;
    const inRule = !small && Math.abs(x - 0.43) <= stroke / 2 && y >= 0.28 && y <= 0.62;
    return inLine || inRule ? GREEN : WHITE;
  }
  return inShield(x, y, Math.max(0.05, 1.5 / size)) ? GREEN : DARK_GREEN;
}

function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((255 * a) / (n * n));
    }
  return pixels;
}

function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
