// Starts Azurite's blob service (the npm package, no network) on 127.0.0.1 with a free port and
// stops it afterwards. On disk under a temp folder by default, so a restart with the same
// `location` finds the data again (S7).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  port: number;
  location: string;
  connectionString: string;
  /** stops the process; `removeData` also deletes the folder (default true unless a location was given) */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;
}

function azuriteMain(): string {
  return require.resolve('azurite/dist/src/blob/main.js');
}

/** True when the azurite package is installed (the contract suite skips Blob otherwise). */
export function azuriteAvailable(): boolean {
  try {
    azuriteMain();
    return true;
  } catch {
    return false;
  }
}

export async function startAzurite(options: { location?: string; port?: number; timeoutMs?: number } = {}): Promise<Azurite> {
  const owned = options.location === undefined;
  const location = options.location ?? mkdtempSync(join(tmpdir(), 'nwcheck-azurite-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [azuriteMain(), '--blobHost', '127.0.0.1', '--blobPort', String(options.port ?? 0), '--location', location, '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--loose'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start in time:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      const m = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}:\n${output}`));
    });
  });
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    port,
    location,
    connectionString: azuriteConnectionString(port),
    stop: async ({ removeData = owned } = {}) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (removeData) rmSync(location, { recursive: true, force: true });
    },
  };
}
