// Memory and CPU time of another process from /proc (Linux): VmRSS now, VmHWM the peak since it
// started (the kernel's own high-water mark, so no short peak between samples is missed), and
// user + system CPU time. undefined where /proc is not available.
import { readFileSync } from 'node:fs';

export interface ProcMemory {
  rssMB: number;
  peakRssMB: number;
}

/** USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

function fieldKb(status: string, name: string): number | undefined {
  const at = status.indexOf(`\n${name}:`);
  if (at < 0) return undefined;
  const end = status.indexOf('\n', at + 1);
  const kb = Number.parseInt(status.slice(at + name.length + 2, end < 0 ? undefined : end).trim(), 10);
  return Number.isFinite(kb) ? kb : undefined;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

export function readProcMemory(pid: number): ProcMemory | undefined {
  const status = readProc(pid, 'status');
  if (status === undefined) return undefined;
  const rss = fieldKb(status, 'VmRSS');
  const hwm = fieldKb(status, 'VmHWM');
  if (rss === undefined || hwm === undefined) return undefined;
  return { rssMB: rss / 1024, peakRssMB: hwm / 1024 };
}

/** user + system CPU time of the process (all its threads) so far, in ms; 10 ms resolution. */
export function readProcCpuMs(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return undefined;
  // the command name (field 2) may hold spaces: count fields after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}
