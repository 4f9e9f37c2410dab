// The real process behind CliIo: files and stdin read with a cap (a 10 GB file is never loaded;
// the first maxBytes + 1 bytes are enough to refuse it), stdout/stderr writes.
import { open } from 'node:fs/promises';
import type { CliIo } from './run-cli';

export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const limit = maxBytes + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    // read to EOF or the cap, whatever stat says (pipes, /proc, growing files)
    while (total < limit) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, limit - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

export async function readStreamCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(buf);
    total += buf.length;
    if (total > maxBytes) break; // leaving the loop stops reading; the excess is refused as too large
  }
  return Buffer.concat(chunks, Math.min(total, maxBytes + 1));
}

export function createNodeIo(proc: NodeJS.Process, version: string): CliIo {
  return {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    readFile: readFileCapped,
    readStdin: (maxBytes) => readStreamCapped(proc.stdin, maxBytes),
    env: proc.env,
    version,
  };
}
