#!/usr/bin/env node
/*
 * `npm run preview`: serves the production build (dist/, or the directory given) over plain
 * http on 127.0.0.1:3001 so the task pane opens in an ordinary browser, where it runs in
 * preview mode (no Excel: the sheets are drawn in the page). Loopback only, GET only.
 */
const http = require("http");
const fs = require("fs");
const path = require("path");
const { URL } = require("url");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    const file = path.resolve(base, `.${decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname)}`);
    if (req.method !== "GET" || !file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
}

module.exports = { createServer };

if (require.main === module) {
  const root = process.argv[2] || path.join(__dirname, "..", "dist");
  const port = Number(process.env.PORT || 3001);
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error(`No build in ${root}: run "npm run build" first (npm run preview does).`);
    process.exit(1);
  }
  const server = createServer(root);
  server.listen(port, "127.0.0.1", () => console.log(`Chokepoint preview: http://127.0.0.1:${server.address().port}/taskpane.html (Ctrl+C to stop)`));
}
