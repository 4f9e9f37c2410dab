// What an archive entry is, judged by its name only (before anything is inflated). Names are
// plain strings: "../x.log" or "C:\x.log" are never used as paths, only shown and matched.

export type EntryNameKind = 'directory' | 'system-junk' | 'nested-archive' | 'script' | 'not-a-log' | 'candidate';

const NESTED_ARCHIVE_EXTENSIONS = ['.zip', '.zipx', '.gz', '.tgz', '.7z', '.rar', '.tar', '.cab', '.bz2', '.xz', '.lzh', '.zst'];
const SCRIPT_EXTENSIONS = ['.ps1', '.psm1', '.psd1', '.sh', '.bash', '.bat', '.cmd', '.vbs', '.py'];
const NOT_A_LOG_EXTENSIONS = [
  '.exe', '.dll', '.msi', '.sys',
  '.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.heic', '.webp',
  '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.msg',
  '.evtx', '.etl', '.html', '.htm', '.md',
];
const SYSTEM_JUNK_NAMES = ['.ds_store', 'thumbs.db', 'desktop.ini'];

/** Last path component, for either separator. */
export function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

function hasExtension(lowerName: string, extensions: readonly string[]): boolean {
  return extensions.some((ext) => lowerName.endsWith(ext));
}

export function classifyEntryName(name: string): EntryNameKind {
  if (name.endsWith('/') || name.endsWith('\\')) return 'directory';
  const lower = name.toLowerCase();
  const base = baseName(lower);
  if (base === '') return 'directory';
  if (lower.startsWith('__macosx/') || base.startsWith('._') || SYSTEM_JUNK_NAMES.includes(base)) return 'system-junk';
  if (hasExtension(lower, NESTED_ARCHIVE_EXTENSIONS)) return 'nested-archive';
  if (hasExtension(lower, SCRIPT_EXTENSIONS)) return 'script';
  if (hasExtension(lower, NOT_A_LOG_EXTENSIONS)) return 'not-a-log';
  return 'candidate';
}

/** Archive formats recognised by their first bytes (an archive inside an archive). */
export function sniffArchive(bytes: Uint8Array): 'zip' | 'gzip' | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const a = bytes[2];
    const b = bytes[3];
    if ((a === 0x03 && b === 0x04) || (a === 0x05 && b === 0x06) || (a === 0x07 && b === 0x08)) return 'zip';
  }
  if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) return 'gzip';
  return undefined;
}
