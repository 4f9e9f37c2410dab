import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ActionRegistry } from '../../src/bot/action-registry';
import { BOT_COMMANDS } from '../../src/bot/commands/command-list';
import { PackageError, buildAppPackage, checkIcons, readJson, readPackageConfig, withCommandKeys } from '../../src/manifest/build-package';
import { drawColorIcon, drawOutlineIcon } from '../../src/manifest/draw-icons';
import { MAX_COMMAND_DESCRIPTION, MAX_COMMAND_TITLE, manifestCommandLists } from '../../src/manifest/manifest-commands';
import { encodePng, readPngInfo } from '../../src/manifest/png';
import { MANIFEST_DIR, MANIFEST_VERSION, validateLocalization, validateManifest } from '../../src/manifest/validate-manifest';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const ENV = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'abc-3978.asse.devtunnels.ms', APP_PACKAGE_PATH: '/tmp/never-written.zip' };

describe('app package', () => {
  describe('readPackageConfig', () => {
    it('fills defaults from MicrosoftAppId and BOT_DOMAIN', () => {
      const c = readPackageConfig(ENV);
      assert.equal(c.botId, BOT_ID);
      assert.equal(c.teamsAppId, BOT_ID);
      assert.equal(c.botDomain, 'abc-3978.asse.devtunnels.ms');
      assert.equal(c.websiteUrl, 'https://abc-3978.asse.devtunnels.ms/');
      assert.match(c.appVersion, /^\d+\.\d+\.\d+$/);
    });

    it('takes the host of a URL given as BOT_DOMAIN', () => {
      assert.equal(readPackageConfig({ ...ENV, BOT_DOMAIN: 'https://bot.example.com/api/messages' }).botDomain, 'bot.example.com');
    });

    it('lists every problem at once', () => {
      assert.throws(
        () => readPackageConfig({ BOT_DOMAIN: 'not a host', APP_VERSION: '1.0', PRIVACY_URL: 'http://x.example' }),
        (e: unknown) => e instanceof PackageError && e.problems.length >= 4 && e.problems.some((p) => p.includes('MicrosoftAppId')) && e.problems.some((p) => p.includes('PRIVACY_URL')),
      );
    });
  });

  describe('buildAppPackage', () => {
    const pkg = buildAppPackage(readPackageConfig({ ...ENV, TEAMS_APP_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', APP_VERSION: '2.3.4' }));
    const files = unzipSync(pkg.zip);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest is walked freely here
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, any>;

    it('zips manifest.json, ja-jp.json and both icons at the root', () => {
      assert.deepEqual(Object.keys(files).sort(), ['color.png', 'ja-jp.json', 'manifest.json', 'outline.png']);
      assert.deepEqual(manifest, pkg.manifest);
    });

    it('is valid against the official schema, current version, with env values filled in', () => {
      assert.deepEqual(validateManifest(manifest), []);
      assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
      assert.equal(manifest.$schema, `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
      assert.equal(manifest.id, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      assert.equal(manifest.version, '2.3.4');
      assert.equal(manifest.bots[0].botId, BOT_ID);
      assert.deepEqual(manifest.validDomains, ['abc-3978.asse.devtunnels.ms']);
      assert.equal(manifest.webApplicationInfo.id, BOT_ID);
      assert.ok(!JSON.stringify(manifest).includes('{{'));
    });

    it('declares the bot for personal, team and group chat, with files', () => {
      assert.deepEqual(manifest.bots[0].scopes, ['personal', 'team', 'groupChat']);
      assert.equal(manifest.bots[0].supportsFiles, true);
    });

    it('asks for the RSC permissions the bot reads channel and chat messages with', () => {
      assert.deepEqual(manifest.authorization.permissions.resourceSpecific, [
        { name: 'ChannelMessage.Read.Group', type: 'Application' },
        { name: 'ChatMessage.Read.Chat', type: 'Application' },
      ]);
    });

    it('is localized: en-us default, ja-jp file present and valid', () => {
      assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'ja-jp', file: 'ja-jp.json' }] });
      const ja = JSON.parse(strFromU8(files['ja-jp.json']!)) as Record<string, string>;
      assert.deepEqual(validateLocalization(ja), []);
      assert.match(ja['name.short']!, /[\u3040-\u30ff\u4e00-\u9fff]/);
      assert.match(ja['description.full']!, /[\u3040-\u30ff\u4e00-\u9fff]/);
    });

    it('has icons of the required sizes', () => {
      assert.deepEqual([readPngInfo(files['color.png']!).width, readPngInfo(files['color.png']!).height], [192, 192]);
      assert.deepEqual([readPngInfo(files['outline.png']!).width, readPngInfo(files['outline.png']!).height], [32, 32]);
    });
  });

  describe('command lists', () => {
    const lists = manifestCommandLists();

    it('has one list per scope, each with every listed command of the bot', () => {
      assert.deepEqual(lists.map((l) => l.scopes), [['personal'], ['team'], ['groupChat']]);
      const names = BOT_COMMANDS.filter((c) => !c.hidden).map((c) => c.title.en);
      for (const l of lists) assert.deepEqual(l.commands.map((c) => c.title), names);
    });

    it('titles are words the bot understands (Teams sends the title as the message), in both languages', () => {
      const registry = new ActionRegistry();
      for (const c of BOT_COMMANDS) registry.registerCommand({ ...c, run: async () => {} });
      for (const c of BOT_COMMANDS) {
        for (const title of [c.title.en, c.title.ja]) {
          assert.equal(registry.matchCommand(title)?.command.name, c.name, `"${title}" does not reach ${c.name}`);
          assert.ok(title.length <= MAX_COMMAND_TITLE);
        }
        for (const d of [c.description.en, c.description.ja]) assert.ok(d.length <= MAX_COMMAND_DESCRIPTION, d);
      }
    });

    it('the committed manifest/ files match the command list (run src/manifest/sync-template.ts)', () => {
      assert.deepEqual(readJson('manifest.json').bots, [{ ...(readJson('manifest.json').bots as object[])[0], commandLists: lists }]);
      assert.deepEqual(readJson('ja-jp.json'), withCommandKeys(readJson('ja-jp.json')));
    });
  });

  describe('schema validation catches mistakes', () => {
    const valid = buildAppPackage(readPackageConfig(ENV)).manifest;
    type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const broken = (mutate: (m: Mutable) => void): string[] => {
      const m = structuredClone(valid) as Mutable;
      mutate(m);
      return validateManifest(m);
    };

    it('rejects a wrong scope, a missing bot id, a bad colour, an unknown property', () => {
      assert.notDeepEqual(broken((m) => (m.bots[0].scopes = ['groupchat'])), []);
      assert.notDeepEqual(broken((m) => delete m.bots[0].botId), []);
      assert.notDeepEqual(broken((m) => (m.accentColor = 'blue')), []);
      assert.notDeepEqual(broken((m) => (m.surprise = true)), []);
      assert.notDeepEqual(broken((m) => (m.name.short = 'x'.repeat(31))), []);
    });

    it('rejects an unknown key in the localization file', () => {
      assert.notDeepEqual(validateLocalization({ 'name.short': 'x', 'bots[0].nonsense': 'y' }), []);
    });
  });

  describe('icons', () => {
    it('the committed PNGs are the ones draw-icons.ts draws', () => {
      assert.ok(readFileSync(join(MANIFEST_DIR, 'color.png')).equals(drawColorIcon()));
      assert.ok(readFileSync(join(MANIFEST_DIR, 'outline.png')).equals(drawOutlineIcon()));
    });

    it('pass the checks; a wrong size or a coloured outline does not', () => {
      assert.deepEqual(checkIcons(drawColorIcon(), drawOutlineIcon()), []);
      const red = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 1 || i % 4 === 2 ? 0 : 255));
      const problems = checkIcons(encodePng(32, 32, new Uint8Array(32 * 32 * 4)), encodePng(32, 32, red));
      assert.ok(problems.some((p) => p.includes('192')));
      assert.ok(problems.some((p) => p.includes('white on transparent')));
    });
  });
});
