// Validates N-Triples data against our shapes with npm shacl-engine (an outside SHACL engine),
// for the corpus test and the validation benchmark. Prints one JSON object:
//   { conforms, violationFree, results: [{focus, path, constraint, severity, value}],
//     triples, seconds: {parse, validate} }
// shacl-engine's `conforms` is SHACL's (no result of any severity); `violationFree` is the
// verdict our validation gives (sh:Warning and sh:Info results allowed).
// Usage: node shacl_engine.mjs DATA.nt SHAPES.ttl [SHAPES.ttl...]
// With DATA.list (one N-Triples path a line), each file is validated on its own and the
// output is { "path": {...}, ... }.
import { createReadStream, readFileSync } from "node:fs";
import rdfDataModel from "@rdfjs/data-model";
import N3 from "n3";
import Validator from "shacl-engine/Validator.js";

const [dataPath, ...shapePaths] = process.argv.slice(2);
const SH = "http://www.w3.org/ns/shacl#";

function parseInto(store, text, format) {
  store.addQuads(new N3.Parser({ format }).parse(text));
}

async function streamInto(store, path) {
  const parser = new N3.StreamParser({ format: "N-Triples" });
  createReadStream(path).pipe(parser);
  for await (const quad of parser) store.addQuad(quad);
}

function termText(term) {
  if (!term) return null;
  if (term.termType === "Literal") {
    if (term.language) return `"${term.value}"@${term.language}`;
    return `"${term.value}"^^<${term.datatype.value}>`;
  }
  if (term.termType === "NamedNode") return `<${term.value}>`;
  return `_:${term.value}`;
}

function pathText(path) {
  if (!path || path.length === 0) return null;
  const steps = path.map((step) => {
    if (step.quantifier !== "one" || step.start !== "subject" || step.predicates.length !== 1) {
      return null;
    }
    return step.predicates[0].value;
  });
  return steps.includes(null) ? null : steps.join(" / ");
}

async function validateFile(validator, path) {
  const t1 = performance.now();
  const data = new N3.Store();
  await streamInto(data, path);
  const t2 = performance.now();
  const report = await validator.validate({ dataset: data });
  const t3 = performance.now();
  const results = report.results.map((r) => ({
    focus: r.focusNode.term.value,
    path: pathText(r.path),
    constraint: "sh:" + r.constraintComponent.value.slice(SH.length),
    severity: r.severity.value.slice(SH.length),
    value: r.value ? termText(r.value.term) : null,
    shape: r.shape.ptr.term.termType === "NamedNode" ? r.shape.ptr.term.value : null,
  }));
  return {
    conforms: report.conforms,
    violationFree: !results.some((r) => r.severity === "Violation"),
    triples: data.size,
    results,
    seconds: { parse: (t2 - t1) / 1000, validate: (t3 - t2) / 1000 },
  };
}

const shapes = new N3.Store();
for (const path of shapePaths) parseInto(shapes, readFileSync(path, "utf8"), "Turtle");
const validator = new Validator(shapes, { factory: rdfDataModel });
if (dataPath.endsWith(".list")) {
  const out = {};
  for (const path of readFileSync(dataPath, "utf8").split("\n").filter(Boolean)) {
    out[path] = await validateFile(validator, path);
  }
  console.log(JSON.stringify(out));
} else {
  console.log(JSON.stringify(await validateFile(validator, dataPath)));
}
