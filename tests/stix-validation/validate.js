#!/usr/bin/env node
// Validates STIX 2.1 objects against the OASIS JSON schemas (tests only; see docs/intelligence.md).
//
//   node validate.js [--interop[=core|full]] [--all] [--schemas DIR] [FILE...]     (no FILE: reads stdin)
//
// Input: one JSON document per file (or on stdin): a STIX object, an array of objects, a bundle or a TAXII
// envelope ({"objects": [...]}). Each object is checked against the schema of its type (schemas/sdos,
// sros, observables, common for marking-definition, extension-definition, language-content). Unknown
// (custom) types are checked against common/core.json. A bundle is checked against common/bundle.json as well.
// --interop=core also checks every domain and relationship object against interop/core.json (the interop
// marking rules: object_marking_refs present, at most one TLP reference); --interop (full) checks it
// against interop/<type>.json where that exists (which also requires created_by_ref and type-specific
// properties), else interop/core.json.
//
// Output (stdout, one JSON document): {"checked": N, "invalid": N, "results": [{"source", "index", "id",
// "type", "schemas", "errors": [{"schema", "instancePath", "message", "params"}]}]} listing only the
// objects with errors unless --all is given. Exit code 0 when all objects are valid, 1 when one is not,
// 2 on a usage or input error.
//
// The schema folder is DIR, else $JSMS_SHARED_DATA/stix2, else the first shared/data/stix2 found
// walking up from this folder (the repository is cloned beside shared/).
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function usage(message) {
  process.stderr.write(`${message}\nusage: node validate.js [--interop[=core|full]] [--all] [--schemas DIR] [FILE...]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { interop: false, all: false, root: null, files: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--interop' || a === '--interop=full') options.interop = 'full';
  else if (a === '--interop=core') options.interop = 'core';
  else if (a === '--all') options.all = true;
  else if (a === '--schemas') options.root = args[++i] ?? usage('--schemas needs a folder');
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else options.files.push(a);
}

function findRoot() {
  if (options.root) return path.resolve(options.root);
  if (process.env.JSMS_SHARED_DATA) return path.join(process.env.JSMS_SHARED_DATA, 'stix2');
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'data', 'stix2');
    if (fs.existsSync(path.join(candidate, 'schemas'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  return usage('no STIX schema folder found: set JSMS_SHARED_DATA or pass --schemas');
}

function listJson(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listJson(full) : e.name.endsWith('.json') ? [full] : [];
  });
}

const root = findRoot();
// unicodeRegExp: false because the OASIS patterns are not valid under the regex "u" flag.
const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
// ajv-formats has no idn-hostname; the schemas use it for email-addr only: accept any non-empty host.
ajv.addFormat('idn-hostname', /^[^\s@]+$/u);

// The schemas reference each other by URL ($id): load them all first, then compile on use.
const byKey = new Map();
for (const folder of ['schemas', 'interop']) {
  for (const file of listJson(path.join(root, folder))) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!schema.$id) continue;
    const key = `${folder}/${path.relative(path.join(root, folder), file).split(path.sep).join('/')}`;
    if (ajv.getSchema(schema.$id) || ajv.schemas[schema.$id]) {
      // interop/course-of-action.json repeats the $id of interop/campaign.json: give it its own, by its file name.
      schema.$id = schema.$id.replace(/[^/]+$/u, path.basename(file));
    }
    ajv.addSchema(schema);
    byKey.set(key, schema.$id);
  }
}
if (byKey.size === 0) usage(`no schemas under ${root}`);

const compiled = new Map();
function validator(key) {
  if (!compiled.has(key)) compiled.set(key, ajv.getSchema(byKey.get(key)));
  return compiled.get(key);
}

function schemasFor(type) {
  const keys = [];
  const own = ['sdos', 'sros', 'observables', 'common'].map(f => `schemas/${f}/${type}.json`).find(k => byKey.has(k));
  keys.push(own ?? 'schemas/common/core.json');
  const domainOrRelationship = own?.startsWith('schemas/sdos/') || own?.startsWith('schemas/sros/');
  if (options.interop === 'full' && byKey.has(`interop/${type}.json`)) keys.push(`interop/${type}.json`);
  else if (options.interop && domainOrRelationship) keys.push('interop/core.json');
  return keys;
}

function check(object) {
  const type = object && typeof object === 'object' ? object.type : undefined;
  const keys = typeof type === 'string' ? schemasFor(type) : ['schemas/common/core.json'];
  const errors = [];
  for (const key of keys) {
    const validate = validator(key);
    if (!validate(object)) {
      for (const e of validate.errors) {
        errors.push({ schema: key, instancePath: e.instancePath, message: e.message, params: e.params });
      }
    }
  }
  return { keys, errors };
}

function objectsOf(document) {
  if (Array.isArray(document)) return { objects: document, bundle: null };
  if (document && typeof document === 'object' && document.type === 'bundle') return { objects: document.objects ?? [], bundle: document };
  if (document && typeof document === 'object' && !document.type && Array.isArray(document.objects)) return { objects: document.objects, bundle: null };
  return { objects: [document], bundle: null };
}

const inputs = options.files.length > 0
  ? options.files.map(f => ({ source: f, text: fs.readFileSync(f, 'utf8') }))
  : [{ source: '-', text: fs.readFileSync(0, 'utf8') }];

const report = { checked: 0, invalid: 0, results: [] };
for (const input of inputs) {
  let document;
  try {
    document = JSON.parse(input.text);
  } catch (e) {
    usage(`${input.source}: not JSON: ${e.message}`);
  }
  const { objects, bundle } = objectsOf(document);
  if (bundle) {
    const validate = validator('schemas/common/bundle.json');
    report.checked++;
    const { objects: _, ...envelope } = bundle; // the objects are checked one by one below
    if (!validate(envelope)) {
      report.invalid++;
      report.results.push({ source: input.source, index: -1, id: bundle.id, type: 'bundle', schemas: ['schemas/common/bundle.json'],
        errors: validate.errors.map(e => ({ schema: 'schemas/common/bundle.json', instancePath: e.instancePath, message: e.message, params: e.params })) });
    }
  }
  objects.forEach((object, index) => {
    const { keys, errors } = check(object);
    report.checked++;
    if (errors.length > 0) report.invalid++;
    if (errors.length > 0 || options.all) {
      report.results.push({ source: input.source, index, id: object?.id ?? null, type: object?.type ?? null, schemas: keys, errors });
    }
  });
}
process.stdout.write(JSON.stringify(report, null, 1) + '\n');
// exitCode, not exit(): a large report on a pipe must be flushed first.
process.exitCode = report.invalid > 0 ? 1 : 0;
