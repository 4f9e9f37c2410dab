#!/usr/bin/env node
// The `nwcheck` executable: wires the real process to runCli and sets the exit code (never
// process.exit, so piped output is flushed first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from './exit-code';
import { createNodeIo } from './node-io';
import { runCli } from './run-cli';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

runCli(process.argv.slice(2), createNodeIo(process, packageVersion())).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`nwcheck: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = ExitCode.INTERNAL;
  },
);
