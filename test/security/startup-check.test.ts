// A7: without credentials the server either refuses (production) or runs in local mode bound to
// loopback. Unit cases plus a real child process that must exit 1 / bind 127.0.0.1.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkStartup, StartupRefusedError } from '../../src/bot/security/startup-check';

const FIXTURE = join(__dirname, 'fixtures', 'start-server.ts');

function runChild(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', FIXTURE], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('\n')) child.kill('SIGTERM'); // it started: stop it
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('security/startup-check (A7)', function () {
  this.timeout(30_000);

  it('production without MicrosoftAppId is refused with a clear message', () => {
    assert.throws(() => checkStartup({ nodeEnv: 'production', appId: '', host: '0.0.0.0' }), (e: unknown) => e instanceof StartupRefusedError && /NODE_ENV=production/.test(e.message) && /MicrosoftAppId/.test(e.message));
    assert.throws(() => checkStartup({ nodeEnv: 'Production', appId: '  ', host: '127.0.0.1' }), StartupRefusedError);
  });

  it('without credentials elsewhere: local mode, loopback only', () => {
    const d = checkStartup({ nodeEnv: undefined, appId: '', host: '127.0.0.1' });
    assert.equal(d.mode, 'local');
    assert.match(d.banner, /authentication is OFF/);
    assert.equal(checkStartup({ nodeEnv: 'development', appId: '', host: '::1' }).mode, 'local');
    assert.throws(() => checkStartup({ nodeEnv: 'development', appId: '', host: '0.0.0.0' }), /not a loopback address/);
  });

  it('with credentials: authenticated mode on the configured interface', () => {
    const d = checkStartup({ nodeEnv: 'production', appId: 'app-id', host: '0.0.0.0' });
    assert.equal(d.mode, 'credentialed');
    assert.equal(d.host, '0.0.0.0');
  });

  it('child process: NODE_ENV=production without credentials exits 1 with the message on stderr', async () => {
    const r = await runChild({ NODE_ENV: 'production' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Refusing to start: NODE_ENV=production but MicrosoftAppId is empty/);
    assert.equal(r.stdout, '');
  });

  it('child process: no credentials, not production → listens on 127.0.0.1 only', async () => {
    const r = await runChild({ NODE_ENV: 'development' });
    assert.ok(r.stdout.includes('\n'), r.stderr);
    const line = JSON.parse(r.stdout.split('\n')[0]!) as { mode: string; address: string };
    assert.equal(line.mode, 'local');
    assert.equal(line.address, '127.0.0.1');
  });

  it('child process: no credentials and HOST=0.0.0.0 → refused', async () => {
    const r = await runChild({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not a loopback address/);
  });
});
