// Copy the browser builds of the npm packages into server/static/vendor/ (served locally).
import { cpSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "server", "static", "vendor");
const files = [
  ["node_modules/@zazuko/yasgui/build/yasgui.min.js", "yasgui/yasgui.min.js"],
  ["node_modules/@zazuko/yasgui/build/yasgui.min.css", "yasgui/yasgui.min.css"],
  ["node_modules/cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "chartjs/chart.umd.min.js"],
  ["node_modules/chart.js/LICENSE.md", "chartjs/LICENSE.md"],
];
for (const [from, to] of files) {
  const source = join(root, from);
  if (!existsSync(source)) {
    console.error(`copy-assets: missing ${from}; run npm ci`);
    process.exit(1);
  }
  mkdirSync(dirname(join(vendor, to)), { recursive: true });
  cpSync(source, join(vendor, to));
}
console.log(`copy-assets: ${files.length} files in server/static/vendor`);
