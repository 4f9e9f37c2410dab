// Fetching what an activity points at goes through one function with the signature of
// src/net/safe-download.ts (https only, allow-listed hosts, size cap while streaming, timeouts).
// Injected, so tests can count calls; the default is safeDownload itself.
import type { SafeDownloadOptions, DownloadResult } from '../../net/safe-download';
import type { BotConfig } from '../../config/load-config';

export type DownloadFn = (url: string, options: SafeDownloadOptions) => Promise<DownloadResult>;

/** The download options every user-supplied URL gets. */
export function downloadOptions(config: BotConfig): SafeDownloadOptions {
  return {
    allowedHosts: config.download.allowedHosts,
    maxBytes: config.maxUploadBytes,
    timeoutMs: config.download.timeoutMs,
    idleTimeoutMs: config.download.idleTimeoutMs,
    maxRedirects: config.download.maxRedirects,
    insecureLoopbackForTests: config.download.allowInsecureLoopback,
  };
}
