// Offline validation against the official Teams JSON schemas vendored in manifest/schema/
// (MicrosoftTeams.schema.json and MicrosoftTeams.Localization.schema.json, draft-04). Ajv 8 has
// no draft-04 meta-schema built in; these schemas use nothing draft-04-specific beyond the
// `$schema` URI itself, so it is dropped before compiling.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const MANIFEST_DIR = resolve(__dirname, '..', '..', 'manifest');
export const MANIFEST_VERSION = '1.22';
export const SCHEMA_DIR = join(MANIFEST_DIR, 'schema', `v${MANIFEST_VERSION}`);

let validators: { manifest: ValidateFunction; localization: ValidateFunction } | undefined;

function compile(file: string, ajv: Ajv): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  return ajv.compile(schema);
}

function getValidators(): { manifest: ValidateFunction; localization: ValidateFunction } {
  if (!validators) {
    // unicodeRegExp off: the localization schema's patterns (`\b]`) are not valid with the u flag
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false });
    addFormats(ajv);
    validators = {
      manifest: compile('MicrosoftTeams.schema.json', ajv),
      localization: compile('MicrosoftTeams.Localization.schema.json', ajv),
    };
  }
  return validators;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Problems of a filled manifest against the official schema; [] when valid. */
export function validateManifest(manifest: unknown): string[] {
  const v = getValidators().manifest;
  return v(manifest) ? [] : describe(v.errors);
}

/** Problems of a localization file (ja-jp.json) against the official schema; [] when valid. */
export function validateLocalization(localization: unknown): string[] {
  const v = getValidators().localization;
  return v(localization) ? [] : describe(v.errors);
}
