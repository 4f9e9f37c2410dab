// Starts the right block reader for a TRY line.
import type { LineText } from '../line-text';
import type { EndpointTable } from '../model';
import type { CommandBlock } from './block';
import { CurlBlock } from './curl-block';
import { DnsBlock, type HostDns } from './dns-block';
import { TcpBlock } from './tcp-block';
import { TncBlock } from './tnc-block';
import type { TryCommand } from './try-line';
import { WebRequestBlock } from './web-request-block';

/** Swallows the output of a command we do not read (openssl, ping …). */
class OtherBlock implements CommandBlock {
  readonly endpoint = undefined;
  private any = false;
  feed(_lineNo: number, line: LineText): void {
    if (line.t.length > 0) this.any = true;
  }
  finish(): void {}
  hasResult(): boolean {
    return this.any;
  }
}

export interface BlockEnv {
  table: EndpointTable;
  hostDns: (host: string) => HostDns;
  /** port announced by the enclosing Linux section heading for this host, if any */
  sectionPort: (host: string) => number | undefined;
}

export function openBlock(cmd: TryCommand, lineNo: number, tryText: string, env: BlockEnv): CommandBlock {
  const scheme = cmd.scheme ?? 'https';
  const defaultWebPort = scheme === 'http' ? 80 : 443;
  switch (cmd.kind) {
    case 'tnc':
      return new TncBlock(env.table, cmd.host, cmd.port ?? 443, lineNo, tryText);
    case 'web':
      return new WebRequestBlock(env.table, cmd.host, cmd.port ?? defaultWebPort, scheme, lineNo, tryText);
    case 'curl':
    case 'wget':
      return new CurlBlock(env.table, cmd.host, cmd.port ?? defaultWebPort, scheme, cmd.proxy !== undefined, cmd.noProxy === true, lineNo, tryText);
    case 'tcp': {
      const ep = cmd.host === undefined ? undefined : env.table.get(cmd.host, cmd.port ?? env.sectionPort(cmd.host) ?? 443, lineNo);
      return new TcpBlock(ep, lineNo, tryText);
    }
    case 'dns': {
      const port = cmd.host === undefined ? undefined : env.sectionPort(cmd.host);
      const ep = cmd.host !== undefined && port !== undefined ? env.table.get(cmd.host, port, lineNo) : undefined;
      return new DnsBlock(ep, cmd.host, env.hostDns, lineNo, tryText);
    }
    default:
      return new OtherBlock();
  }
}
