// Marks Thai word boundaries with zero-width spaces, exactly where the browser's
// Intl.Segmenter("th") puts them, in every .html file below a folder (a copy made for
// indexing). Pagefind then indexes ผ้าไหม as ผ้า + ไหม, as the browser splits the query.
// Usage: node segment.mjs FOLDER
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const THAI_RUN = /[\u0E00-\u0E7F]+/g;

function split(run) {
  return Array.from(segmenter.segment(run), (part) => part.segment).join("\u200B");
}

async function* htmlFiles(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

let count = 0;
for await (const path of htmlFiles(process.argv[2])) {
  const html = await readFile(path, "utf8");
  await writeFile(path, html.replace(THAI_RUN, split));
  count += 1;
}
console.log(count);
