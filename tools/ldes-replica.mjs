// Keeps a local copy of a beleidsdata event stream in any SPARQL 1.1 triple store.
//
//   node ldes-replica.mjs URL --state DIR > updates.ru
//
// Reads the stream at URL with the reference LDES client (npm ldes-client, pinned in
// package.json), in time order. With --state DIR the client keeps its state there: the next
// run with the same DIR emits only the members published since. Writes one SPARQL Update
// per member on standard output, applying beleidsdata's version materialization: the thing
// the member is a version of (dct:isVersionOf) gets a graph of its own, named by its IRI,
// replaced by the member's payload (an as:Delete member empties it). So the store ends
// with exactly what /doc serves for every thing, and nothing left over from old versions.
// Progress and a count go to standard error.
import { replicateLDES, intoConfig } from "ldes-client";
import { DataFactory, Writer } from "n3";

const AS_DELETE = "https://www.w3.org/ns/activitystreams#Delete";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith("--"));
const state = args.includes("--state") ? args[args.indexOf("--state") + 1] : undefined;
if (!url) {
  console.error("usage: node ldes-replica.mjs URL [--state DIR] > updates.ru");
  process.exit(2);
}

// The payload of a member: the quads in the member's own named graph (N-Quads, TriG and
// JSON-LD pages), or, from Turtle or N-Triples pages, the triples restated about the
// version IRI, turned back into the thing's own IRIs.
function payload(member, thing) {
  const version = member.id.value;
  const inGraph = member.quads.filter((q) => q.graph.value === version);
  if (inGraph.length) return inGraph;
  const own = (t) => t.termType === "NamedNode" && (t.value === version || t.value.startsWith(version + "#"));
  const back = (t) => (own(t) ? DataFactory.namedNode(thing + t.value.slice(version.length)) : t);
  return member.quads
    .filter((q) => q.graph.termType === "DefaultGraph" && own(q.subject) && !(q.subject.value === version && isBookkeeping(q)))
    .map((q) => DataFactory.quad(back(q.subject), q.predicate, back(q.object)));
}

function isBookkeeping(q) {
  const p = q.predicate.value;
  return p === RDF_TYPE && q.object.value.startsWith("https://www.w3.org/ns/activitystreams#")
    || p === "http://purl.org/dc/terms/isVersionOf"
    || p === "http://www.w3.org/ns/prov#generatedAtTime"
    || p === "http://www.w3.org/ns/prov#wasAttributedTo";
}

const config = { url, polling: false };
if (state) config.statePath = state;
const client = replicateLDES(intoConfig(config), "ascending");
client.on("error", (e) => { console.error("ldes-client error:", e); process.exitCode = 1; });
const reader = client.stream({ highWaterMark: 10 }).getReader();
let count = 0;
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  const thing = typeof value.isVersionOf === "string" ? value.isVersionOf : value.isVersionOf?.value;
  if (!thing) continue;
  const deleted = value.quads.some((q) => q.subject.value === value.id.value && q.predicate.value === RDF_TYPE && q.object.value === AS_DELETE);
  let update = `DROP SILENT GRAPH <${thing}> ;\n`;
  if (!deleted) {
    const writer = new Writer({ format: "N-Triples" });
    const triples = payload(value, thing).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
    update += `INSERT DATA { GRAPH <${thing}> {\n${writer.quadsToString(triples)}} } ;\n`;
  }
  process.stdout.write(update);
  count += 1;
}
console.error(`${count} member(s) since the last run`);
