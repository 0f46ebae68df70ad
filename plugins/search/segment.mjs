// Copies the pages Pagefind indexes (those with data-pagefind-body) from SOURCE to COPY,
// marking Thai word boundaries with zero-width spaces exactly where the browser's
// Intl.Segmenter("th") puts them. Pagefind then indexes ผ้าไหม as ผ้า + ไหม, as the browser
// splits the query. Usage: node segment.mjs SOURCE COPY  → prints how many pages.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
/* A Node built without full ICU would mark nothing: say so, and index nothing worse. */
if (Array.from(segmenter.segment("ผ้าไหม")).length !== 2) {
  console.error(`node ${process.version} cannot split Thai into words (it has no full ICU)`);
  process.exit(2);
}
const THAI_RUN = /[\u0E00-\u0E7F]+/g;
const [source, copy] = process.argv.slice(2);

function split(run) {
  return Array.from(segmenter.segment(run), (part) => part.segment).join("\u200B");
}

async function* htmlFiles(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== "pagefind") yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

async function copyOne(path) {
  const html = await readFile(path, "utf8");
  if (!html.includes("data-pagefind-body")) return 0;
  const target = join(copy, relative(source, path));
  await mkdir(dirname(target), { recursive: true });
  const start = html.indexOf("data-pagefind-body"); /* only what Pagefind reads */
  const end = html.indexOf("</main>", start);
  const body = html.slice(start, end < 0 ? undefined : end).replace(THAI_RUN, split);
  await writeFile(target, html.slice(0, start) + body + (end < 0 ? "" : html.slice(end)));
  return 1;
}

/* A few files at a time: reading and writing overlap with splitting. */
const AT_ONCE = 16;
const paths = [];
for await (const path of htmlFiles(source)) paths.push(path);
let count = 0;
for (let next = 0; next < paths.length; next += AT_ONCE) {
  const done = await Promise.all(paths.slice(next, next + AT_ONCE).map(copyOne));
  count += done.reduce((a, b) => a + b, 0);
}
console.log(count);
