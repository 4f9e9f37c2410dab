// "The script did not run as administrator": access-denied errors in English or Japanese.

/** `l` is the lower-cased line, `t` the original. Cheap substring checks. */
export function isAccessDenied(l: string, t: string): boolean {
  if (l.includes('denied')) {
    return l.includes('access is denied') || l.includes('access denied') || l.includes('permission denied') || l.includes('permissiondenied') || l.includes('accessdenied');
  }
  if (l.includes('not allowed')) return l.includes('registry access is not allowed');
  if (l.includes('unauthorizedaccess')) return true;
  if (t.includes('拒否')) return t.includes('アクセスが拒否') || t.includes('アクセス拒否');
  if (t.includes('許可されていません')) return t.includes('アクセス');
  return false;
}
