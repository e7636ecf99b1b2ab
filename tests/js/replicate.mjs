// Replicates an LDES with the reference client (npm ldes-client) and prints one member per
// line as JSON: {"id", "isVersionOf", "timestamp", "quads"}. Exits when the stream is read
// (no following). Usage: node replicate.mjs URL [ordered] [--no-shape] [--state DIR]
//                                            [--quads FILE]
// --quads FILE writes every member's quads as N-Quads (graph = the quad's own graph, or
// the member IRI for default-graph quads), one member after another.
import { replicateLDES, intoConfig } from "ldes-client";
import { Writer } from "n3";
import { writeFileSync, appendFileSync } from "node:fs";

const args = process.argv.slice(2);
const url = args[0];
const ordered = args[1] && !args[1].startsWith("--") ? args[1] : "none";
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quadsFile = option("--quads");
if (quadsFile) writeFileSync(quadsFile, "");

const config = { url, polling: false, noShape: flag("--no-shape") };
if (option("--state")) config.statePath = option("--state");
const client = replicateLDES(intoConfig(config), ordered);
client.on("error", (e) => { console.error("ldes-client error:", e); process.exitCode = 1; });

const reader = client.stream({ highWaterMark: 10 }).getReader();
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  if (quadsFile) {
    const writer = new Writer({ format: "N-Quads" });
    appendFileSync(quadsFile, writer.quadsToString(value.quads));
  }
  console.log(JSON.stringify({
    id: value.id.value,
    isVersionOf: typeof value.isVersionOf === "string" ? value.isVersionOf : value.isVersionOf?.value ?? null,
    timestamp: value.timestamp instanceof Date ? value.timestamp.toISOString() : value.timestamp ?? null,
    quads: value.quads.length,
  }));
}
