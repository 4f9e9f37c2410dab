// Why: npm links the bins of dependencies, not of the project itself. The README promises
// `npx nwcheck` right after `npm install`, so link our own bin next to the others.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(root, 'dist', 'cli', 'bin.js');
const link = path.join(binDir, 'nwcheck');
if (!fs.existsSync(target)) process.exit(0);
fs.mkdirSync(binDir, { recursive: true });
fs.chmodSync(target, 0o755);
try { fs.unlinkSync(link); } catch { /* not there yet */ }
fs.symlinkSync(path.relative(binDir, target), link);
