// The Windows transcript parser (Azure Backup and Site Recovery): one streaming pass, a small
// state machine over sections (header, getInfo, proxy, WinHTTP, endpoint checks, TLS). Anchored on
// keywords, not on exact spacing, order or section titles.
import type { Evidence, ProxyContextName } from '../../report';
import { isAccessDenied } from '../access-denied';
import { AsrProxyReader, isAsrProxyHeading } from '../asr-proxy';
import type { CommandBlock } from '../blocks/block';
import { applyHostDns, type HostDns } from '../blocks/dns-block';
import { openBlock, type BlockEnv } from '../blocks/open-block';
import { isTncResultLine, parseTncResultLine, TncBlock } from '../blocks/tnc-block';
import { parseTryCommand, readScriptTryLine, tryLineBody, type TryCommand } from '../blocks/try-line';
import { WebRequestBlock } from '../blocks/web-request-block';
import { parseLooseDate } from '../dates';
import { forEachLineRange } from '../lines';
import { LineText, WordIndex } from '../line-text';
import {
  addAddress, addEvidence, EndpointTable, newProxyObservation, newTlsObservation, type CheckId, type ParsedLog,
  type ProxyObservation,
} from '../model';
import { ANALYSIS_MAX, evidence, flatCopy, isSeparator, sameAt, isSpaceCode, trimLine } from '../text';
import { isCompletionLine, isTranscriptEnd, readHeaderLine, type HeaderFacts } from './transcript-header';
import { isWinInetHeader, WinHttpReader, WinInetReader, type WinInetContext } from './proxy-section';
import { TlsReader } from './tls-section';
import { checkOfTitle, scriptVersionIn } from '../script-info';
import { errorQuoteAt, readScriptTryAt, readTncResultAt, readWebResultAt, webDescriptionAt, type TncFacts } from './script-lines';

export interface WindowsParseOptions {
  /**
   * Read the lines the script prints per endpoint by their exact form (default true). Off: every
   * line goes through the general path; the result is the same (tests compare the two).
   */
  fastPath?: boolean;
  /** counts the lines the fast path read (tests check that it is used, and where it gives up) */
  stats?: { fastLines: number };
}

/** Longest line the fast path looks at (far below ANALYSIS_MAX, so no line is cut for it). */
const FAST_MAX = 4096;


/**
 * `isAsrMarker(line.lower())` (`asr_check_nw` / `check_asr_nw`), found from the '_' characters of
 * the line: every line naming the script has some, and this runs on each of them.
 */
function hasAsrMarker(line: LineText): boolean {
  // indices of the line are those of its lower-case form only on a plain line
  if (!line.isPlain()) return line.includes('asr_check_nw') || line.includes('check_asr_nw');
  const t = line.t;
  for (let j = t.indexOf('_'); j !== -1; j = t.indexOf('_', j + 1)) {
    // each marker has its first '_' at offset 3 / 5: aligning on every '_' finds every occurrence
    if (j >= 3 && line.startsWithAt('asr_check_nw', j - 3)) return true;
    if (j >= 5 && line.startsWithAt('check_asr_nw', j - 5)) return true;
  }
  return false;
}

/** Prefixes of lines printed by Test-NetConnection / Invoke-WebRequest and the script's result lines. */
/**
 * A console prompt (`PS C:\\Users\\me> Stop-Transcript`): the transcript recorded someone typing after
 * the script, so the command whose output was being read had stopped (Ctrl+C) — its block ends here.
 */
export function isPromptLine(t: string): boolean {
  if (!(t.startsWith('PS ') || t.startsWith('ps '))) return false;
  const c = t.charCodeAt(3) | 0x20;
  return c >= 0x61 && c <= 0x7a && t.charCodeAt(4) === 0x3a && t.indexOf('>', 5) !== -1;
}

function isCommandOutput(line: LineText): boolean {
  const t = line.t;
  switch (line.lowerFirst()) {
    case 0x2b: // '+ CategoryInfo', '+ FullyQualifiedErrorId', '+ ~~~~'
    case 0x7e: // '~~~~'
      return true;
    case 0x2d: // '-----' separators
      return t.charCodeAt(1) === 0x2d && t.charCodeAt(2) === 0x2d && !line.includes('script');
    case 0x72: // 'result of …'
      return line.startsWith('result of ');
    case 0x70: // 'ps>terminatingerror(…)'
      return line.startsWith('ps>');
    case 0x69: // 'invoke-webrequest : …'
      return line.startsWith('invoke-webrequest');
    case 0x61: // 'at c:\…'
      return line.startsWith('at ') && t.includes(':\\');
    default:
      return false;
  }
}

/** A line of an error record the fast path proved a no-op (see WindowsParser.quietWebLine). */
interface QuietLine {
  /** the line, trimmed, as a flat string ('\u0000' until one was proven twice) */
  text: string;
  /** it has a '_': quiet only once the script version is known */
  underscore: boolean;
  /** the last line proven quiet at this place, not yet copied */
  seen: string | undefined;
}

/** Error-record lines after the message that are remembered (the script prints 7). */
const QUIET_MEMO_SLOTS = 12;

type Section = 'header' | 'getinfo' | 'proxy' | 'winhttp' | 'checks' | 'tls' | 'asr-proxy' | 'done';

class WindowsParser {
  private section: Section = 'header';
  private readonly header: HeaderFacts = {};
  private expectHostname = false;
  private hostnameLine: string | undefined;
  private scriptStart: string | undefined;
  private scriptVersion: string | undefined;
  private asr = false;
  private readonly table = new EndpointTable();
  private readonly dns = new Map<string, HostDns>();
  private readonly contexts: Record<WinInetContext | 'winhttp' | 'asr-config', ProxyObservation> = {
    'current-user': newProxyObservation('current-user'),
    system: newProxyObservation('system'),
    'workload-plugin': newProxyObservation('workload-plugin'),
    winhttp: newProxyObservation('winhttp'),
    'asr-config': newProxyObservation('asr-config'),
  };
  private asrProxySeen = false;
  private readonly wininet = new WinInetReader(this.contexts);
  private readonly winhttp = new WinHttpReader(this.contexts.winhttp);
  private readonly asrProxy = new AsrProxyReader(this.contexts['asr-config']);
  private readonly tls = newTlsObservation();
  private readonly tlsReader = new TlsReader(this.tls);
  private block: CommandBlock | undefined;
  private blockKind: string | undefined;
  /** a console prompt ended a check before it printed a result (see isPromptLine) */
  private cutByPrompt = false;
  private readonly checksSeen: CheckId[] = [];
  private currentCheck: CheckId | undefined;
  /** a '=' separator came after the last block: the section it belonged to is finished */
  private sectionClosed = false;
  private readonly accessDenied: Evidence[] = [];
  private readonly deniedContexts: ProxyContextName[] = [];
  private lastLineNo = 0;
  /** where the last non-blank line sits in the text (its evidence is made once, at the end) */
  private lastLineStart = 0;
  private lastLineEnd = 0;
  private completion: Evidence | undefined;
  /** the current line (one object, reset per line) */
  private readonly current = new LineText();
  private readonly tncFacts: TncFacts = { succeeded: false, address: undefined, hostStart: 0, hostEnd: 0 };
  /** a run of '-' as long as the last separator the fast path saw (the same text as that line) */
  private dashes = '';
  /** a second line object for the fast path's checks of one line (the general path's stays untouched) */
  private readonly probe = new LineText();
  /**
   * The error-record lines after a web request's message that were proven no-ops (see quietWebLine),
   * by their distance from the message line: the script prints the same bytes there in every block.
   */
  private readonly quietMemo: (QuietLine | undefined)[] = [];
  /** the line of the current web block's message when the fast path read it (-1: none) */
  private messageLine = -1;

  constructor(
    private readonly text: string,
    readonly fast: boolean,
  ) {
    // Without the fast path, words asked on most lines of a web-request block come from one forward
    // scan of the whole text. With it, the general path sees few lines, and a scan would cost a
    // full pass over the text per word (the lines' own searches are cheaper then).
    if (!fast) this.current.useIndexes([new WordIndex(text, 'statuscode'), new WordIndex(text, 'iedomnotsupported')]);
  }

  private seeCheck(c: CheckId): void {
    if (!this.checksSeen.includes(c)) this.checksSeen.push(c);
    this.currentCheck = c;
    this.sectionClosed = false;
  }

  private hostDns = (host: string): HostDns => {
    let d = this.dns.get(host);
    if (!d) {
      d = { host, state: 'unknown', addresses: [], aliases: [], evidence: [], cut: false };
      this.dns.set(host, d);
    }
    return d;
  };

  private readonly blockEnv: BlockEnv = { table: this.table, hostDns: this.hostDns, sectionPort: () => undefined };

  private closeBlock(atEof: boolean): void {
    if (!this.block) return;
    this.block.finish(atEof);
    this.block = undefined;
  }

  /** The line `text.slice(start, end)`, trimmed and capped at ANALYSIS_MAX for analysis. */
  line(no: number, start: number, end: number): void {
    const text = this.text;
    // trim by index: most lines are never lower-cased, and many are only looked at by their first characters
    let a = start;
    let b = end - start > ANALYSIS_MAX ? start + ANALYSIS_MAX : end;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) {
      this.lastLineNo = no;
      this.lastLineStart = start;
      this.lastLineEnd = end;
    }
    const line = this.current.reset(b > a ? text.slice(a, b) : '', a);
    const t = line.t;
    // Binary proxy blobs may span lines and contain anything: nothing else looks at them.
    if (this.section === 'proxy' && this.wininet.inBlob()) {
      if (t.length > 0 && !isSeparator(t) && !this.looksLikeProxyKey(line.lower())) return;
    }
    if (t.length === 0) {
      if (this.block) this.block.feed(no, line);
      else if (this.section === 'proxy') this.wininet.line(no, t);
      else if (this.section === 'tls') this.tlsReader.line(no, t, '');
      return;
    }
    const c0 = t.charCodeAt(0);
    if (c0 === 0x23) {
      this.hashLine(no, line);
      return;
    }
    // '-----' / '=====': two of every endpoint's lines; no word search can match them
    const separator = (c0 === 0x2d || c0 === 0x3d) && isSeparator(t);
    if (separator) {
      line.markLetterless();
      if (this.block !== undefined) {
        // What the general path below does with a separator inside a block, without its checks:
        // no completion line, script name, section title or access error can be made of '-' / '='.
        if (c0 === 0x3d) this.sectionClosed = true;
        if (this.blockKind !== 'tnc') this.block.feed(no, line); // Test-NetConnection output ignores them
        return;
      }
    }
    if (isCompletionLine(line)) {
      this.closeBlock(false);
      this.completion = evidence(no, text.slice(start, end));
      this.section = 'done';
      return;
    }
    // script names ('…_NW_ver1.7.ps1'): only until the version is known and the log is known to be Site Recovery's
    if ((this.scriptVersion === undefined || !this.asr) && t.includes('_')) this.scriptInfo(line);
    // Most lines of a big log are command output with a known prefix: no section title starts so.
    const output = this.block !== undefined && isCommandOutput(line);
    if (!output && this.sectionHeader(no, t, line.lower())) return;
    if (c0 === 0x3d && separator) this.sectionClosed = true;
    if (this.block) {
      if (!output && (c0 === 0x50 || c0 === 0x70) && isPromptLine(t)) {
        // no output of its own after this: the check was cut, as at the end of the file
        if (!this.block.hasResult()) this.cutByPrompt = true;
        this.closeBlock(true);
        return;
      }
      if (!output && this.blockKind !== 'web' && isAccessDenied(line.lower(), t)) this.denied(no, t, undefined);
      this.block.feed(no, line);
      return;
    }
    const l = line.lower();
    if (isTncResultLine(line)) {
      this.orphanTncResult(no, line);
      return;
    }
    switch (this.section) {
      case 'header':
        if (!readHeaderLine(t, l, this.header) && l.startsWith('-----scriptstart')) this.scriptStart = t;
        return;
      case 'getinfo':
        if (this.expectHostname && !isSeparator(t)) {
          this.hostnameLine = t;
          this.expectHostname = false;
        }
        return;
      case 'proxy':
        if (isAccessDenied(l, t) || l.includes('cannot find path') || l.includes('does not exist') || t.includes('存在しません')) {
          const denied = isAccessDenied(l, t);
          const ctx = this.wininet.unreadable(no, t, denied);
          if (denied) this.denied(no, t, ctx);
          return;
        }
        this.wininet.line(no, t);
        return;
      case 'winhttp':
        if (isSeparator(t)) {
          if (this.contexts.winhttp.found) this.section = 'checks';
          return;
        }
        if (isAccessDenied(l, t)) {
          this.contexts.winhttp.denied = true;
          this.denied(no, t, 'winhttp');
          return;
        }
        this.winhttp.line(no, t, l);
        return;
      case 'asr-proxy':
        if (isAccessDenied(l, t)) {
          this.asrProxy.denied(no, t);
          this.denied(no, t, 'asr-config');
          return;
        }
        if (!this.asrProxy.line(no, t, l)) this.section = 'checks';
        return;
      case 'tls':
        this.tlsReader.line(no, t, l);
        return;
      default:
        if (isAccessDenied(l, t)) this.denied(no, t, undefined);
    }
  }

  /** `l` is a lower-cased line. */
  private looksLikeProxyKey(l: string): boolean {
    return l.startsWith('proxyenable') || l.startsWith('proxyserver') || l.startsWith('proxyoverride') || l.startsWith('defaultconnectionsettings') ||
      l.startsWith('savedlegacysettings') || l.startsWith('wininet') || l.startsWith('autoconfigurl') ||
      (l.startsWith('##') && l.includes('winhttp'));
  }

  private denied(no: number, t: string, ctx: ProxyContextName | undefined): void {
    if (this.accessDenied.length < 8) this.accessDenied.push(evidence(no, t));
    if (ctx !== undefined && !this.deniedContexts.includes(ctx)) this.deniedContexts.push(ctx);
  }

  /** A line with a '_' in it: the script's version and whether it is the Site Recovery script. */
  private scriptInfo(line: LineText): void {
    if (this.scriptVersion === undefined && line.includes('_nw')) {
      const v = scriptVersionIn(line.t);
      if (v !== undefined) this.scriptVersion = v;
    }
    if (!this.asr && hasAsrMarker(line)) this.asr = true;
  }

  /** Lines starting with '#': TRY lines and the script's headings. */
  private hashLine(no: number, line: LineText): void {
    const t = line.t;
    let cmd = readScriptTryLine(t);
    if (cmd === undefined) {
      const body = tryLineBody(t);
      if (body !== undefined) cmd = parseTryCommand(body);
    }
    if (cmd !== undefined) {
      this.closeBlock(false);
      if (cmd.kind === 'other' && isAsrProxyHeading(line.lower())) {
        this.startAsrProxy(no, t);
        return;
      }
      this.openCommand(no, t, cmd);
      return;
    }
    // In the proxy section only the WinHTTP heading matters (blob garbage may start with '#').
    const l = line.lower();
    if (l.includes('winhttp')) {
      this.closeBlock(false);
      this.section = 'winhttp';
      this.seeCheck('proxy');
      return;
    }
    if (this.section === 'proxy') return;
    this.closeBlock(false);
    if (isAsrProxyHeading(l)) {
      this.startAsrProxy(no, t);
      return;
    }
    if (l.includes('getinfo')) {
      this.section = 'getinfo';
      return;
    }
    if (l.includes('hostname')) {
      this.section = 'getinfo';
      this.expectHostname = true;
      return;
    }
    if (l.includes('ipconfig')) {
      this.expectHostname = false;
      return;
    }
    const check = checkOfTitle(l, t);
    if (check !== undefined && check !== 'proxy' && check !== 'tls') {
      this.section = 'checks';
      this.seeCheck(check);
    }
  }

  /** The block of a TRY line's command (after the previous block was closed). */
  private openCommand(no: number, t: string, cmd: TryCommand): CommandBlock {
    this.sectionClosed = false;
    this.messageLine = -1;
    if (this.section !== 'tls' && this.section !== 'done') this.section = 'checks';
    const block = openBlock(cmd, no, t, this.blockEnv);
    this.block = block;
    this.blockKind = cmd.kind;
    const ep = block.endpoint;
    if (ep) this.seeCheck(ep.service === 'other' ? (this.currentCheck ?? 'azure-backup') : (ep.service));
    return block;
  }

  /**
   * The fast path: the lines the script prints for every endpoint (TRY lines, `Result of …`, the
   * error record of Invoke-WebRequest, '-----'), read by their exact form at their offsets in the
   * text, with the same effect as `line` (which the caller runs when this returns false). It only
   * runs in the checks section, and each case below says which branch of `line` it stands for and
   * why no other branch applies; the moment a line is not of the expected form it gives up before
   * changing anything.
   */
  fastLine(no: number, start: number, end: number): boolean {
    if (this.section !== 'checks' || end - start > FAST_MAX) return false;
    const text = this.text;
    let a = start;
    let c = text.charCodeAt(a);
    // leading spaces only: every character dispatched on below is not one trimLine drops
    while (c === 0x20 && a < end) c = text.charCodeAt(++a);
    if (a >= end) return false;
    let b = end;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    const block = this.block;
    let done: boolean;
    switch (c) {
      case 0x23: // '#': hashLine with a command readScriptTryLine accepts
        done = this.fastTry(no, a, b);
        break;
      case 0x2d: // '-': the separator branch of `line` with a Test-NetConnection / web-request block open
        done = block !== undefined && this.fastSeparator(no, block, a, b);
        break;
      case 0x52: // 'R': `Result of tnc` / `Result of Invoke-webRequest` inside their block
        if (block instanceof TncBlock) done = this.fastTncResult(no, block, a, b);
        else done = block instanceof WebRequestBlock && this.fastWebResult(no, block, a, b);
        break;
      case 0x50: // 'P': PS>TerminatingError(...) before the block has its message
        done = block instanceof WebRequestBlock && !block.hasMessage() && this.fastErrorMessage(no, block, a, b);
        break;
      case 0x2b: // '+', '~', 'A', 'a', 'I', 'i': the rest of an error record
      case 0x7e:
      case 0x41:
      case 0x61:
      case 0x49:
      case 0x69:
        done = block instanceof WebRequestBlock && block.hasMessage() && this.quietWebLine(no, a, b);
        break;
      default:
        done = false;
    }
    if (done) {
      // what `line` records for every non-blank line
      this.lastLineNo = no;
      this.lastLineStart = start;
      this.lastLineEnd = end;
    }
    return done;
  }

  private fastTry(no: number, a: number, b: number): boolean {
    // `line` sends a '#' line to hashLine (the proxy-blob check is for the proxy section only);
    // hashLine takes readScriptTryLine's command, which readScriptTryAt gives for this form
    const cmd = readScriptTryAt(this.text, a, b);
    if (cmd === undefined) return false;
    this.closeBlock(false);
    this.openCommand(no, this.text.slice(a, b), cmd);
    return true;
  }

  private fastSeparator(no: number, block: CommandBlock, a: number, b: number): boolean {
    const n = b - a;
    if (n < 3) return false;
    // a flat string of n dashes (made once per length): sameAt is then one memory compare
    if (this.dashes.length !== n) this.dashes = new Array<string>(n + 1).join('-');
    // a line of '-' only: `line` returns right after feeding it to any block but Test-NetConnection's
    if (!sameAt(this.text, a, this.dashes)) return false;
    if (block instanceof WebRequestBlock) block.readOther(no, this.dashes);
    else if (!(block instanceof TncBlock)) return false;
    return true;
  }

  private fastTncResult(no: number, block: TncBlock, a: number, b: number): boolean {
    // isCompletionLine: not for 'R'; no '_' (fixed text, digits, addresses, the host); command
    // output ('result of '), so straight to TncBlock.feed's `Result of tnc` branch
    // (the host on the line is only read when the block has none)
    const f = this.tncFacts;
    if (block.endpoint === undefined || !readTncResultAt(this.text, a, b, f)) return false;
    // the host is short: searching it is cheaper than a forward search of the whole text
    const host = this.text.slice(f.hostStart, f.hostEnd);
    if (host.includes('ipaddress') || host.includes('tcptestsucceeded')) return false;
    block.readResult(no, this.text.slice(a, b), f.succeeded, f.address, b - a <= 300);
    return true;
  }

  private fastWebResult(no: number, block: WebRequestBlock, a: number, b: number): boolean {
    const status = readWebResultAt(this.text, a, b);
    if (status === -1) return false;
    // no '_' in the fixed text; command output ('result of '), so WebRequestBlock.feed's result branch
    if (status === 0x10000) {
      block.readResultLine(no, '', undefined, '');
      return true;
    }
    const desc = trimLine(this.text.slice(webDescriptionAt(a), b));
    if (desc.includes('_')) return false; // scriptInfo would look at it
    block.readResultLine(no, this.text.slice(a, b), status, desc);
    return true;
  }

  private fastErrorMessage(no: number, block: WebRequestBlock, a: number, b: number): boolean {
    const q = errorQuoteAt(this.text, a, b);
    if (q === -1) return false;
    // feed's first branch takes any line with 'statuscode'; a '_' may need scriptInfo: both left to the general path
    const line = this.probe.reset(this.text.slice(a, b));
    if (line.includes('statuscode') || !this.quietScriptInfo(line)) return false;
    // not a completion line ('P'), command output ('ps>'): feed's PS> branch
    block.readErrorMessage(no, line.t, trimLine(this.text.slice(q + 1, b - 1)));
    this.messageLine = block.hasMessage() ? no : -1;
    return true;
  }

  /**
   * The rest of an error record once the block has its message (`Invoke-webRequest : …`, `At
   * C:\…`, `+ …`, `~~~`): command output (so no section title or access check), not a completion
   * line (first character), no 'statuscode' (feed's result branch) or 'iedomnotsupported' (its '+'
   * branch); feed then returns at once.
   *
   * The script prints the same bytes at the same place of every error record, so a line proven
   * quiet is remembered (a flat copy, by its distance from the message line) and the same bytes
   * there in a later block are a no-op too: the proof above reads nothing but the line's bytes and
   * the block state this is called in (a web-request block with its message, in the checks
   * section), except for a '_', which is quiet only once the script version is known (see
   * quietScriptInfo): that is kept with the memo and checked again.
   */
  private quietWebLine(no: number, a: number, b: number): boolean {
    const text = this.text;
    const k = this.messageLine >= 0 ? no - this.messageLine - 1 : -1;
    const memo = k >= 0 && k < QUIET_MEMO_SLOTS ? this.quietMemo[k] : undefined;
    if (memo !== undefined && memo.text.length === b - a && sameAt(text, a, memo.text)) {
      return !memo.underscore || this.scriptVersion !== undefined;
    }
    const c = text.charCodeAt(a);
    const line = this.probe.reset(text.slice(a, b));
    const t = line.t;
    let ok: boolean;
    if (c === 0x2b || c === 0x7e) ok = true;
    else if (c === 0x41 || c === 0x61) ok = (text.charCodeAt(a + 1) | 0x20) === 0x74 && text.charCodeAt(a + 2) === 0x20 && t.includes(':\\');
    else ok = sameAt(text, a, 'Invoke-webRequest');
    if (!ok || line.includes('statuscode') || line.includes('iedomnotsupported')) return false;
    const underscore = t.includes('_');
    // quiet by its bytes alone (no '_', or no Site Recovery marker), or only by the parser's state
    const byBytes = !underscore || !hasAsrMarker(line);
    const quiet = this.quietScriptInfo(line);
    if (quiet && byBytes && k >= 0 && k < QUIET_MEMO_SLOTS) {
      // copied once the same line came twice: lines that change in every block are not copied
      if (memo === undefined) this.quietMemo[k] = { text: '\u0000', underscore: true, seen: t };
      else if (memo.seen === t) {
        memo.text = flatCopy(t);
        memo.underscore = underscore;
        memo.seen = undefined;
      } else memo.seen = t;
    }
    return quiet;
  }

  /**
   * Whether `line` (trimmed, from the checks section) goes through scriptInfo without changing
   * anything: a line with no '_' is never looked at; once the version is known, only the Site
   * Recovery markers matter. False when scriptInfo could change something (the general path must run).
   */
  private quietScriptInfo(line: LineText): boolean {
    if ((this.scriptVersion !== undefined && this.asr) || !line.t.includes('_')) return true;
    return this.scriptVersion !== undefined && !hasAsrMarker(line);
  }

  /** Section titles that are not '#' lines. Returns true when the line was one. */
  private sectionHeader(no: number, t: string, l: string): boolean {
    if (l.includes('tls check') || (l.startsWith('registry::') && l.includes('schannel'))) {
      this.closeBlock(false);
      if (this.section !== 'tls') {
        this.section = 'tls';
        this.tls.sectionFound = true;
        this.tls.evidence.push(evidence(no, t));
        this.seeCheck('tls');
      }
      return true;
    }
    if (l === 'proxy check' || l.startsWith('proxy check') || l.startsWith('listing all proxy settings')) {
      this.closeBlock(false);
      this.section = 'proxy';
      this.seeCheck('proxy');
      return true;
    }
    if (isWinInetHeader(l) && this.section !== 'tls') {
      this.closeBlock(false);
      if (this.section !== 'proxy') this.seeCheck('proxy');
      this.section = 'proxy';
      this.wininet.header(no, t, l);
      return true;
    }
    if (this.section !== 'asr-proxy' && isAsrProxyHeading(l) && !this.looksLikeProxyKey(l)) {
      this.closeBlock(false);
      this.startAsrProxy(no, t);
      return true;
    }
    if (this.section !== 'tls' && (l.startsWith('current winhttp') || t.startsWith('現在の WinHTTP') || t.startsWith('現在のWinHTTP'))) {
      this.closeBlock(false);
      this.section = 'winhttp';
      this.winhttp.line(no, t, l);
      return true;
    }
    if (l.startsWith('connection check')) {
      this.closeBlock(false);
      this.section = 'checks';
      return true;
    }
    if (isTranscriptEnd(l, t)) {
      this.closeBlock(false);
      this.section = 'done';
      return true;
    }
    return false;
  }

  private startAsrProxy(no: number, t: string): void {
    this.section = 'asr-proxy';
    this.asrProxySeen = true;
    this.asr = true;
    this.asrProxy.start(no, t);
  }

  /** A `Result of tnc` line without its TRY line (a version that does not echo commands). */
  private orphanTncResult(no: number, line: LineText): void {
    const t = line.t;
    const r = parseTncResultLine(line);
    if (r.host === undefined) return;
    const ep = this.table.get(r.host, r.port ?? 443, no);
    addEvidence(ep, no, t, 'tcp');
    if (r.succeeded !== undefined) ep.tcp = r.succeeded ? 'ok' : 'failed';
    if (r.address !== undefined) {
      ep.dns = 'resolved';
      addAddress(ep, r.address);
    } else if (r.succeeded === false) ep.dns = 'failed';
    if (ep.service !== 'other') this.seeCheck(ep.service);
  }

  finish(lineCount: number): ParsedLog {
    const atEofBlock = this.block;
    const cutInBlock = (atEofBlock !== undefined && !atEofBlock.hasResult()) || this.cutByPrompt;
    this.closeBlock(true);
    for (const ep of this.table.list) {
      const d = this.dns.get(ep.host);
      if (d) applyHostDns(ep, d);
    }
    const complete = this.completion !== undefined;
    let startedAt = this.header.startedAt;
    if (startedAt === undefined && this.scriptStart !== undefined) startedAt = parseLooseDate(this.scriptStart.slice('-----scriptstart-----'.length));
    const proxy: ProxyObservation[] = [
      this.contexts['current-user'], this.contexts.system, this.contexts['workload-plugin'], this.contexts.winhttp,
    ];
    if (this.asrProxySeen) proxy.push(this.contexts['asr-config']);
    const asr = this.asr || this.table.list.some((e) => e.service === 'site-recovery');
    const out: ParsedLog = {
      kind: asr ? 'windows-asr' : 'windows-backup',
      lineCount,
      complete,
      endpoints: this.table.list,
      proxy,
      tls: this.tls,
      checksSeen: this.checksSeen,
      accessDenied: this.accessDenied,
      deniedContexts: this.deniedContexts,
    };
    const host = this.header.host ?? this.hostnameLine;
    if (host !== undefined) out.host = host;
    if (this.header.version) {
      out.os = this.header.version.os;
      out.osVersion = this.header.version.osVersion;
    }
    if (startedAt !== undefined) out.startedAt = startedAt;
    if (this.scriptVersion !== undefined) out.scriptVersion = this.scriptVersion;
    if (this.completion) out.completionLine = this.completion;
    if (this.lastLineNo > 0) out.lastLine = evidence(this.lastLineNo, this.text.slice(this.lastLineStart, this.lastLineEnd));
    if (!complete && this.currentCheck !== undefined && (cutInBlock || !this.sectionClosed || this.section === 'tls' || this.section === 'proxy')) {
      out.checkInProgress = this.currentCheck;
    }
    return out;
  }
}

export function parseWindows(text: string, options: WindowsParseOptions = {}): ParsedLog {
  const p = new WindowsParser(text, options.fastPath !== false);
  const stats = options.stats;
  const n = p.fast
    ? forEachLineRange(text, (no, start, end) => {
        if (p.fastLine(no, start, end)) {
          if (stats !== undefined) stats.fastLines++;
        } else p.line(no, start, end);
      })
    : forEachLineRange(text, (no, start, end) => {
        p.line(no, start, end);
      });
  return p.finish(n);
}
