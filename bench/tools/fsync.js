// This disk's own rate of durable writes: 4 KiB appended and fdatasync'd, again and again, for the
// given seconds, in the given directory (the one the bot's SQLite file is in). Prints writes/s.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, seconds] = [process.argv[2], Number(process.argv[3])];
const file = path.join(dir, 'fsync-probe');
const fd = fs.openSync(file, 'w');
const block = Buffer.alloc(4096, 1);
const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
let writes = 0;
const start = process.hrtime.bigint();
while (process.hrtime.bigint() < end) {
  fs.writeSync(fd, block);
  fs.fdatasyncSync(fd);
  writes++;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
fs.closeSync(fd);
fs.unlinkSync(file);
console.log((writes / elapsed).toFixed(0));
