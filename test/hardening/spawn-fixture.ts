// Starts a bot fixture (test/hardening/fixtures/*.ts) as its own process under tsx, with a minimal
// environment, and resolves with its origin once it prints `READY <origin>`.
import { spawn, type ChildProcess } from 'node:child_process';

export async function spawnFixture(script: string, env: Record<string, string>, label: string): Promise<{ proc: ChildProcess; origin: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const origin = await new Promise<string>((resolve, reject) => {
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`${label} exited (${code}): ${err}`)));
  });
  return { proc, origin };
}
