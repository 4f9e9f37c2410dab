// `npm run package`: fills manifest/manifest.json from the environment, puts the bot's command
// list in (English in the manifest, Japanese in ja-jp.json), validates both against the
// official schemas offline, checks the icons, and writes the Teams app zip.
//
// Environment (a .env file in the working directory is read too):
//   MicrosoftAppId         bot's Entra app id (GUID)                           required
//   BOT_DOMAIN             public host of the messaging endpoint                required
//                          (e.g. abc-3978.asse.devtunnels.ms; a URL is accepted, its host is used)
//   TEAMS_APP_ID           Teams app id (GUID)                                  default MicrosoftAppId
//   APP_VERSION            x.y.z                                                default package.json version
//   DEVELOPER_NAME         shown in the Teams store entry (≤ 32 chars)          default "Azure Backup NW Check"
//   DEVELOPER_WEBSITE_URL  https URL                                            default https://<BOT_DOMAIN>/
//   PRIVACY_URL            https URL                                            default DEVELOPER_WEBSITE_URL
//   TERMS_OF_USE_URL       https URL                                            default DEVELOPER_WEBSITE_URL
//   APP_PACKAGE_PATH       where to write the zip                               default build/appPackage.zip
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { localizedCommandKeys, manifestCommandLists } from './manifest-commands';
import { decodeRgbaPng, readPngInfo } from './png';
import { MANIFEST_DIR, validateLocalization, validateManifest } from './validate-manifest';

export interface PackageConfig {
  teamsAppId: string;
  botId: string;
  botDomain: string;
  appVersion: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  outputPath: string;
}

export class PackageError extends Error {
  readonly problems: readonly string[];
  constructor(summary: string, problems: readonly string[]) {
    super(`${summary}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$/;
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const REPO_ROOT = resolve(__dirname, '..', '..');

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '1.0.0';
}

function hostOf(value: string): string {
  const v = value.trim();
  if (v.includes('://')) {
    try {
      return new URL(v).hostname;
    } catch {
      return v;
    }
  }
  // host[/path]: cut at the first slash (indexOf, not /\/.*$/, which is quadratic on many slashes)
  const slash = v.indexOf('/');
  return slash < 0 ? v : v.slice(0, slash);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads and checks the environment; throws PackageError listing every problem at once. */
export function readPackageConfig(env: Readonly<Record<string, string | undefined>>): PackageConfig {
  const problems: string[] = [];
  const get = (name: string): string => (env[name] ?? '').trim();
  const botId = get('MicrosoftAppId');
  if (!GUID.test(botId)) problems.push('MicrosoftAppId must be the bot\'s Entra app id (a GUID)');
  const teamsAppId = get('TEAMS_APP_ID') || botId;
  if (!GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be a GUID (or unset, to reuse MicrosoftAppId)');
  const botDomain = hostOf(get('BOT_DOMAIN'));
  if (!HOST.test(botDomain)) problems.push('BOT_DOMAIN must be the public host name of the messaging endpoint, e.g. abc-3978.asse.devtunnels.ms');
  const appVersion = get('APP_VERSION') || packageVersion();
  if (!SEMVER.test(appVersion)) problems.push(`APP_VERSION must be x.y.z (got "${appVersion}")`);
  const developerName = get('DEVELOPER_NAME') || 'Azure Backup NW Check';
  if (developerName.length > 32) problems.push('DEVELOPER_NAME must be at most 32 characters');
  const websiteUrl = get('DEVELOPER_WEBSITE_URL') || `https://${botDomain}/`;
  const privacyUrl = get('PRIVACY_URL') || websiteUrl;
  const termsOfUseUrl = get('TERMS_OF_USE_URL') || websiteUrl;
  for (const [name, url] of [['DEVELOPER_WEBSITE_URL', websiteUrl], ['PRIVACY_URL', privacyUrl], ['TERMS_OF_USE_URL', termsOfUseUrl]] as const) {
    if (!isHttpsUrl(url)) problems.push(`${name} must be an https URL`);
  }
  const outputPath = resolve(get('APP_PACKAGE_PATH') || join(REPO_ROOT, 'build', 'appPackage.zip'));
  if (problems.length > 0) throw new PackageError('the app package cannot be built', problems);
  return { teamsAppId, botId, botDomain, appVersion, developerName, websiteUrl, privacyUrl, termsOfUseUrl, outputPath };
}

function placeholders(config: PackageConfig): Record<string, string> {
  return {
    TEAMS_APP_ID: config.teamsAppId,
    BOT_ID: config.botId,
    BOT_DOMAIN: config.botDomain,
    APP_VERSION: config.appVersion,
    DEVELOPER_NAME: config.developerName,
    DEVELOPER_WEBSITE_URL: config.websiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_OF_USE_URL: config.termsOfUseUrl,
  };
}

/** Replaces `{{NAME}}` in every string value (the JSON is parsed first: values cannot break it). */
function fill(value: unknown, values: Record<string, string>, leftovers: Set<string>): unknown {
  if (typeof value === 'string') {
    const out = value.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : whole,
    );
    if (out.includes('{{')) leftovers.add(out);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values, leftovers));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values, leftovers)]));
  }
  return value;
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** Problems with the icons: sizes Teams requires, and a white-on-transparent outline. */
export function checkIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  try {
    const c = readPngInfo(color);
    if (c.width !== 192 || c.height !== 192) problems.push(`color.png must be 192×192 (is ${c.width}×${c.height})`);
  } catch (e) {
    problems.push(`color.png: ${(e as Error).message}`);
  }
  try {
    const o = decodeRgbaPng(outline);
    if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32×32 (is ${o.width}×${o.height})`);
    let opaque = 0;
    let nonWhite = 0;
    for (let i = 0; i < o.rgba.length; i += 4) {
      if ((o.rgba[i + 3] as number) === 0) continue;
      opaque++;
      if (o.rgba[i] !== 255 || o.rgba[i + 1] !== 255 || o.rgba[i + 2] !== 255) nonWhite++;
    }
    if (nonWhite > 0) problems.push(`outline.png must be white on transparent (${nonWhite} coloured pixels)`);
    if (opaque === 0) problems.push('outline.png is empty');
    if (opaque === o.width * o.height) problems.push('outline.png has no transparent background');
  } catch (e) {
    problems.push(`outline.png: ${(e as Error).message}`);
  }
  return problems;
}

export interface AppPackage {
  manifest: Record<string, unknown>;
  localization: Record<string, unknown>;
  zip: Uint8Array;
}

/** Builds and checks the package in memory; throws PackageError with every problem found. */
export function buildAppPackage(config: PackageConfig): AppPackage {
  const values = placeholders(config);
  const leftovers = new Set<string>();
  const manifest = fill(readJson('manifest.json'), values, leftovers) as Record<string, unknown>;
  const bots = manifest.bots as Record<string, unknown>[] | undefined;
  if (bots?.[0]) bots[0].commandLists = manifestCommandLists();
  const localization = withCommandKeys(readJson('ja-jp.json'));
  const problems: string[] = [];
  for (const l of leftovers) problems.push(`unfilled placeholder in manifest.json: ${l}`);
  problems.push(...validateManifest(manifest).map((p) => `manifest.json${p}`));
  problems.push(...validateLocalization(localization).map((p) => `ja-jp.json${p}`));
  const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
  const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));
  problems.push(...checkIcons(color, outline));
  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  if (icons?.color !== 'color.png' || icons?.outline !== 'outline.png') problems.push('manifest icons must be color.png and outline.png');
  if (problems.length > 0) throw new PackageError('the app package is not valid', problems);
  const zip = zipSync(
    {
      'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
      'ja-jp.json': strToU8(JSON.stringify(localization, null, 2)),
      'color.png': color,
      'outline.png': outline,
    },
    { level: 9, mtime: new Date('2024-01-01T00:00:00Z') },
  );
  return { manifest, localization, zip };
}

/** ja-jp.json with the command keys replaced by the ones made from the command list. */
export function withCommandKeys(localization: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(localization)) if (!k.startsWith('bots[')) out[k] = v;
  return { ...out, ...localizedCommandKeys() };
}

export function writeAppPackage(config: PackageConfig): AppPackage {
  const pkg = buildAppPackage(config);
  mkdirSync(dirname(config.outputPath), { recursive: true });
  writeFileSync(config.outputPath, pkg.zip);
  return pkg;
}

async function main(): Promise<void> {
  try {
    const dotenv = await import('dotenv');
    dotenv.config({ quiet: true });
  } catch {
    // dotenv is optional for packaging
  }
  const config = readPackageConfig(process.env);
  const pkg = writeAppPackage(config);
  console.log(`wrote ${config.outputPath} (${pkg.zip.length} bytes): app ${config.teamsAppId}, bot ${config.botId}, domain ${config.botDomain}, version ${config.appVersion}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackageError ? e.message : e);
    process.exitCode = 1;
  });
}
