// The same photos through eleventy-img (sharp), for `make bench`:
// node tests/bench_eleventy.mjs OUTPUT_DIR PHOTO...  → prints the seconds it took.
import Image from "@11ty/eleventy-img";

const [outputDir, ...photos] = process.argv.slice(2);
const options = {
  widths: [480, 960, 1600, 2400],
  formats: ["webp"],
  outputDir,
  useCache: false,
  sharpWebpOptions: { quality: 80 },
  sharpJpegOptions: { quality: 82, progressive: true },
};
const start = performance.now();
// as the site makes them: WebP at every width, one JPEG at 1200 for link previews
const share = { ...options, widths: [1200], formats: ["jpeg"] };
await Promise.all(photos.flatMap((photo) => [Image(photo, options), Image(photo, share)]));
console.log(((performance.now() - start) / 1000).toFixed(3));
