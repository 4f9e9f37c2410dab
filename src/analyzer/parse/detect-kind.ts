// Which family of log this is, from anchors that only these scripts print. The first decisive
// anchor wins; a file with none is `unknown` (never guessed from a stray host name).
import { parseTryCommand, tryLineBody } from './blocks/try-line';
import { forEachLine } from './lines';
import { ANALYSIS_MAX, trimLine } from './text';

export type LogFamily = 'windows' | 'linux' | 'unknown';

/** Decisive anchor on one trimmed line, or undefined. */
export function familyOfLine(t: string): LogFamily | undefined {
  if (t.length === 0) return undefined;
  if (t.charCodeAt(0) === 0x23) {
    const body = tryLineBody(t);
    if (body !== undefined) {
      const cmd = parseTryCommand(body);
      if (cmd.kind === 'tnc' || cmd.kind === 'web') return 'windows';
      if (cmd.kind === 'tcp' || cmd.kind === 'curl' || cmd.kind === 'wget') return 'linux';
      if (cmd.kind === 'dns') return t.startsWith('##') && t.endsWith('#') ? 'linux' : 'windows';
      return undefined;
    }
    if (t.includes('環境情報確認') || t.includes('ホスト名は') || t.includes('疎通確認') || t.includes('プロキシ設定状態')) return 'linux';
    const l = t.toLowerCase();
    if (l.startsWith('#####getinfo') || l.startsWith('##check winhttp')) return 'windows';
    return undefined;
  }
  const l = t.toLowerCase();
  if (l.startsWith('-----scriptstart') || l.startsWith('result of tnc') || l.startsWith('result of invoke-webrequest')) return 'windows';
  if (l.startsWith('wininet settings for') || l.startsWith('wininet proxy settings not found')) return 'windows';
  if ((l.includes('output file is') || t.includes('出力ファイル')) && l.includes('check_nw')) return 'windows';
  if (t.includes('コマンドの結果') && (l.startsWith('http_proxy') || l.startsWith('https_proxy'))) return 'linux';
  return undefined;
}

export function detectFamily(text: string): LogFamily {
  let family: LogFamily = 'unknown';
  forEachLine(text, (_no, raw) => {
    const f = familyOfLine(trimLine(raw.length > ANALYSIS_MAX ? raw.slice(0, ANALYSIS_MAX) : raw));
    if (f !== undefined) {
      family = f;
      return true;
    }
    return false;
  });
  return family;
}
