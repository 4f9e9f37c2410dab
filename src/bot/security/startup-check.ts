// Decides, before the server listens, whether this configuration may run at all. An empty
// MicrosoftAppId turns botbuilder's authentication off entirely, so: in production that is a
// refusal with a clear message; elsewhere it is "local mode", reachable from this machine only.
import { isLoopbackAddress } from '../../net/address-policy';

export interface StartupInput {
  nodeEnv: string | undefined;
  /** empty: no credentials → anonymous Bot Framework mode */
  appId: string;
  /** interface the server will bind */
  host: string;
}

export interface StartupDecision {
  mode: 'credentialed' | 'local';
  host: string;
  /** one line for the log / console at start */
  banner: string;
}

export class StartupRefusedError extends Error {
  override readonly name = 'StartupRefusedError';
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

/** Throws StartupRefusedError (print `.message`, exit 1) when the server must not start. */
export function checkStartup(input: StartupInput): StartupDecision {
  const appId = input.appId.trim();
  const production = (input.nodeEnv ?? '').trim().toLowerCase() === 'production';
  if (appId === '') {
    if (production) {
      throw new StartupRefusedError(
        'Refusing to start: NODE_ENV=production but MicrosoftAppId is empty, which would turn Bot Framework authentication off. ' +
          'Set MicrosoftAppId, MicrosoftAppType and MicrosoftAppPassword (or MicrosoftAppTenantId for SingleTenant / UserAssignedMSI).',
      );
    }
    if (!isLoopbackHost(input.host)) {
      throw new StartupRefusedError(
        `Refusing to start: no MicrosoftAppId (local mode, no authentication) but HOST=${input.host} is not a loopback address. ` +
          'Local mode only listens on 127.0.0.1; set credentials to listen on other interfaces.',
      );
    }
    return {
      mode: 'local',
      host: input.host,
      banner: `Local mode: no MicrosoftAppId, Bot Framework authentication is OFF; listening on ${input.host} only (Agents Playground / Emulator on this machine).`,
    };
  }
  return { mode: 'credentialed', host: input.host, banner: `Authenticated mode for app ${appId}; listening on ${input.host}.` };
}
