// Facts about the script itself that appear in any log: its version (`Check_Backup_NW_ver1.7.ps1`),
// whether it is the Site Recovery sister script, and which check a section title announces.
import type { CheckId } from './model';
import { isDigit } from './text';

/** "1.7" from a line naming `Check_Backup_NW_ver1.7.ps1` / `Check_ASR_NW_Linux_A2A_ver1.0.sh`. */
export function scriptVersionIn(t: string): string | undefined {
  const l = t.toLowerCase();
  const c = l.indexOf('check_');
  if (c === -1) return undefined;
  const v = l.indexOf('_ver', c);
  if (v === -1 || v - c > 60) return undefined;
  let i = v + 4;
  const start = i;
  while (i < l.length && (isDigit(l.charCodeAt(i)) || (l[i] === '.' && isDigit(l.charCodeAt(i + 1))))) i++;
  if (i === start || i - start > 10) return undefined;
  return t.slice(start, i);
}

/** The Site Recovery scripts / log names. */
export function isAsrMarker(l: string): boolean {
  return l.includes('asr_check_nw') || l.includes('check_asr_nw');
}

/** Which check a section title announces (English or Japanese), if it names one. */
export function checkOfTitle(l: string, t: string): CheckId | undefined {
  if (l.includes('file recovery') || l.includes('ilr') || l.includes('iscsi') || t.includes('ファイルの回復') || t.includes('ファイル回復')) return 'file-recovery';
  if (l.includes('site recovery') || l.includes('hypervrecoverymanager') || l.includes(' asr')) return 'site-recovery';
  if (l.includes('storage') || l.includes('blob') || t.includes('ストレージ')) return 'azure-storage';
  if (l.includes('entra') || l.includes('azure ad') || l.includes('azuread') || l.includes('login.') || l.includes('aad')) return 'entra-id';
  if (l.includes('backup') || t.includes('バックアップ')) return 'azure-backup';
  if (l.includes('tls')) return 'tls';
  if (l.includes('proxy') || t.includes('プロキシ')) return 'proxy';
  return undefined;
}
