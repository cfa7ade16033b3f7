// Copies the browser files of the npm packages into wwwroot/lib; run by the build when lib is missing.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "wwwroot", "lib");
const files = [
  ["chart.js/dist/chart.umd.js", "chart.js/chart.umd.js"],
  ["cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/dist/images", "leaflet/images"],
  ["protomaps-leaflet/dist/protomaps-leaflet.js", "protomaps-leaflet/protomaps-leaflet.js"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"],
  ["world-atlas/countries-50m.json", "world-atlas/countries-50m.json"],
];
for (const [from, to] of files) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, "node_modules", from), target, { recursive: true });
}
writeFileSync(join(lib, ".restored"), new Date().toISOString());
console.log(`copied ${files.length} browser files into wwwroot/lib`);
