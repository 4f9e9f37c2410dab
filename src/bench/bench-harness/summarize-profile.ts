// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by function,
// by file, by package (node_modules/<pkg>, our dist/ folders, node: internals, GC, idle), and
// inclusive time of functions (a function and everything it called, each sample counted once
// per function even under recursion). Samples are wall-clock: a thread blocked in a synchronous
// syscall (fsync under better-sqlite3) shows up as time in the JS function that made the call.
//   node dist/bench/bench-harness/summarize-profile.js <file.cpuprofile> [--top=25] [--match=text]
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  key: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** everything but (idle) */
  busyMs: number;
  selfByFunction: Row[];
  selfByFile: Row[];
  selfByPackage: Row[];
  inclusiveByFunction: Row[];
}

/** file:///work/x/node_modules/@scope/pkg/lib/a.js → @scope/pkg; /work/x/dist/cards/a.js → dist/cards; node:internal → node */
export function packageOf(url: string): string {
  if (url === '') return '(native/vm)';
  if (url.startsWith('node:')) return 'node:internals';
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  for (const root of ['/dist/', '/src/']) {
    const at = path.lastIndexOf(root);
    if (at >= 0) {
      const parts = path.slice(at + 1).split('/');
      return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
    }
  }
  return path;
}

function shortFile(url: string): string {
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  for (const root of ['/dist/', '/src/']) {
    const at = path.lastIndexOf(root);
    if (at >= 0) return path.slice(at + 1);
  }
  return path || '(native)';
}

function functionKey(f: CallFrame): string {
  const name = f.functionName || '(anonymous)';
  if (f.url === '') return name;
  return `${name} ${shortFile(f.url)}:${f.lineNumber + 1}`;
}

function rows(map: Map<string, number>, total: number, top: number, match?: string): Row[] {
  return [...map.entries()]
    .filter(([k]) => match === undefined || k.includes(match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => ({ key, ms: us / 1000, share: total > 0 ? us / total : 0 }));
}

export function summarizeProfile(profile: CpuProfile, options: { top?: number; match?: string } = {}): ProfileSummary {
  const top = options.top ?? 25;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const selfFn = new Map<string, number>();
  const selfFile = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  let idle = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // a sample lasts until the next one
    const us = Math.max(0, timeDeltas[i + 1] ?? 0);
    const node = byId.get(samples[i]!);
    if (!node) continue;
    total += us;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const fn = functionKey(f);
    selfFn.set(fn, (selfFn.get(fn) ?? 0) + us);
    const file = f.url === '' ? f.functionName : shortFile(f.url);
    selfFile.set(file, (selfFile.get(file) ?? 0) + us);
    const pkg = f.url === '' ? f.functionName : packageOf(f.url);
    selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const key = functionKey(byId.get(id)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  const busy = total - idle;
  return {
    totalMs: total / 1000,
    busyMs: busy / 1000,
    selfByFunction: rows(selfFn, busy, top, options.match),
    selfByFile: rows(selfFile, busy, top, options.match),
    selfByPackage: rows(selfPkg, busy, top, options.match),
    inclusiveByFunction: rows(incl, busy, top, options.match),
  };
}

export function formatSummary(s: ProfileSummary): string {
  const table = (title: string, list: Row[]) =>
    [`${title}`, ...list.map((r) => `  ${r.ms.toFixed(1).padStart(9)} ms ${(100 * r.share).toFixed(1).padStart(5)} %  ${r.key}`)].join('\n');
  return [
    `profile: ${s.totalMs.toFixed(0)} ms sampled, ${s.busyMs.toFixed(0)} ms not idle (shares below are of the not-idle time)`,
    table('self time by package', s.selfByPackage),
    table('self time by file', s.selfByFile),
    table('self time by function', s.selfByFunction),
    table('inclusive time by function', s.inclusiveByFunction),
  ].join('\n\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: summarize-profile <file.cpuprofile> [--top=25] [--match=text]\n');
    process.exit(2);
  }
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
  const match = args.find((a) => a.startsWith('--match='))?.slice(8);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${formatSummary(summarizeProfile(profile, { top, ...(match !== undefined ? { match } : {}) }))}\n`);
}
