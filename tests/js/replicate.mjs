// Replicates an LDES with the reference client and prints one member per line as JSON:
// {"id": member IRI, "isVersionOf": entity IRI, "timestamp": ISO time, "quads": count}.
// Exits when the stream is read (no following). Usage: node replicate.mjs URL [ordered]
import { replicateLDES, intoConfig } from "ldes-client";

const url = process.argv[2];
const ordered = process.argv[3] ?? "none";
const client = replicateLDES(intoConfig({ url, polling: false }), ordered);
client.on("error", (e) => { console.error("ldes-client error:", e); process.exitCode = 1; });

const reader = client.stream({ highWaterMark: 10 }).getReader();
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  console.log(JSON.stringify({
    id: value.id.value,
    isVersionOf: typeof value.isVersionOf === "string" ? value.isVersionOf : value.isVersionOf?.value ?? null,
    timestamp: value.timestamp instanceof Date ? value.timestamp.toISOString() : value.timestamp ?? null,
    quads: value.quads.length,
  }));
}
