// Windows NT version → product name (log-formats.md: 6.1 = 2008 R2 … 10.0.26100 = 2025).
import { isDigit } from '../text';

export interface WindowsVersion {
  /** "10.0.17763" (major.minor.build) */
  osVersion: string;
  /** "Windows Server 2019 (10.0.17763)" */
  os: string;
}

const NT6: Readonly<Record<string, string>> = {
  '6.0': 'Windows Server 2008',
  '6.1': 'Windows Server 2008 R2',
  '6.2': 'Windows Server 2012',
  '6.3': 'Windows Server 2012 R2',
  '5.2': 'Windows Server 2003',
};
const NT10: Readonly<Record<string, string>> = {
  '14393': 'Windows Server 2016',
  '17763': 'Windows Server 2019',
  '20348': 'Windows Server 2022',
  '26100': 'Windows Server 2025',
};

/** From "10.0.17763.0" (or "6.3.9600"); undefined when it is not a version. */
export function windowsVersion(raw: string): WindowsVersion | undefined {
  let end = 0;
  while (end < raw.length && end < 30 && (isDigit(raw.charCodeAt(end)) || raw[end] === '.')) end++;
  const parts = raw.slice(0, end).split('.').filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  const [major, minor, build] = parts as [string, string, string | undefined];
  const osVersion = build === undefined ? `${major}.${minor}` : `${major}.${minor}.${build}`;
  const mm = `${Number(major)}.${Number(minor)}`;
  const name = mm === '10.0' ? (build !== undefined ? NT10[build] : undefined) : NT6[mm];
  return { osVersion, os: `${name ?? 'Windows NT'} (${osVersion})` };
}

/** Compares an NT version with major.minor: negative when older. */
export function compareNt(osVersion: string, major: number, minor: number): number {
  const [a, b] = osVersion.split('.').map(Number) as [number, number];
  if (a !== major) return a - major;
  return (b ?? 0) - minor;
}
