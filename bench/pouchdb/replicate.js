// The PouchDB client of the peer benchmark, talking to server.js through the link emulator.
// node replicate.js URL DOCS.json push|pull|edit  -> prints {"seconds": ...} (one replication)
// push: the documents into a fresh local database, then replicate to URL/bench
// pull: replicate URL/bench into a fresh local database
// edit: pull everything and push once (as a device that has synced before), print "ready", wait for a
//       line on stdin, then change one document and time replicating that change alone (so the caller
//       counts only its bytes and requests)
const fs = require("fs");
const http = require("http");
const PouchDB = require("pouchdb").plugin(require("pouchdb-adapter-memory"));

const [url, docsFile, mode] = process.argv.slice(2);
// Keep-alive, as a well-configured client would (node-fetch otherwise sends "Connection: close").
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const remote = new PouchDB(`${url}/bench`, { fetch: (u, opts) => PouchDB.fetch(u, { ...opts, agent }) });

async function main() {
  const local = new PouchDB(`local-${mode}-${process.pid}`, { adapter: "memory" });
  let started;
  if (mode === "pull") {
    started = Date.now();
    await PouchDB.replicate(remote, local, { batch_size: 100 });
  } else {
    const docs = JSON.parse(fs.readFileSync(docsFile, "utf8"));
    if (mode === "edit") {
      await PouchDB.replicate(remote, local, { batch_size: 100 });
      await PouchDB.replicate(local, remote, { batch_size: 100 }); // the push checkpoint a device keeps
      console.log("ready");
      await new Promise((resolve) => process.stdin.once("data", resolve));
      const doc = await local.get(docs[0]._id);
      doc.what_learned = doc.what_learned + " (edited)";
      await local.put(doc);
    } else {
      await local.bulkDocs(docs);
    }
    started = Date.now();
    await PouchDB.replicate(local, remote, { batch_size: 100 });
  }
  console.log(JSON.stringify({ seconds: (Date.now() - started) / 1000 }));
  agent.destroy();
}
main().catch((error) => { console.error(error); process.exit(1); });
