// Reads GIFT text on stdin, parses it with gift-pegjs (an independent GIFT parser), prints JSON on stdout.
// Exit 1 with the parser's message (line, column) on a syntax error.
"use strict";
const { parse } = require("gift-pegjs");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (err) {
    const where = err.location ? ` at line ${err.location.start.line}, column ${err.location.start.column}` : "";
    process.stderr.write(`GIFT syntax error${where}: ${err.message}\n`);
    process.exit(1);
  }
});
