// express-pouchdb on an in-memory PouchDB: the CouchDB side of the peer benchmark.
// node server.js PORT   -> prints "ready" once listening; GET /_bench_requests counts requests served.
const express = require("express");
const PouchDB = require("pouchdb").plugin(require("pouchdb-adapter-memory"));

const MemoryPouch = PouchDB.defaults({ adapter: "memory" });
const app = express();
let requests = 0;
app.get("/_bench_requests", (req, res) => res.json({ requests }));
app.post("/_bench_reset", (req, res) => { requests = 0; res.json({ requests }); });
app.use((req, res, next) => { requests += 1; next(); });
app.use("/", require("express-pouchdb")(MemoryPouch, { mode: "minimumForPouchDB", logPath: "/dev/null" }));
app.listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));
