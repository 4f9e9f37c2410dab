// Finds the regular expressions in TypeScript sources with the compiler's own parser (no regex
// over source text, which would miss or invent literals): every RegularExpressionLiteral, and
// every `new RegExp(...)` / `RegExp(...)` whose source and flags are literals. Calls whose
// source or flags are computed are returned separately, for a reviewer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** file:line */
  where: string;
  source: string;
  flags: string;
}

export interface DynamicRegex {
  /** file:line */
  where: string;
  /** file + the call as written (whitespace collapsed): the key reviewers sign off */
  key: string;
}

export interface RegexScan {
  literals: FoundRegex[];
  dynamic: DynamicRegex[];
}

function literalText(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

function isRegExpConstructor(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr)) return expr.text === 'RegExp';
  // globalThis.RegExp / window.RegExp
  return ts.isPropertyAccessExpression(expr) && expr.name.text === 'RegExp';
}

/** Scans one source text (`file` is only used to name the findings). */
export function scanSource(file: string, text: string): RegexScan {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: RegexScan = { literals: [], dynamic: [] };
  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(sf); // "/source/flags"
      const end = raw.lastIndexOf('/');
      out.literals.push({ where: where(node), source: raw.slice(1, end), flags: raw.slice(end + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isRegExpConstructor(node.expression)) {
      const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
      const source = literalText(args[0]);
      const flags = args.length > 1 ? literalText(args[1]) : '';
      if (source !== undefined && flags !== undefined) {
        out.literals.push({ where: where(node), source, flags });
      } else {
        out.dynamic.push({ where: where(node), key: `${file}: ${node.getText(sf).replace(/\s+/g, ' ')}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function tsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...tsFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** Every regex in every .ts file under `root` (paths in the findings are relative to `base`). */
export function scanTree(root: string, base: string): RegexScan {
  const all: RegexScan = { literals: [], dynamic: [] };
  for (const path of tsFiles(root)) {
    const found = scanSource(relative(base, path), readFileSync(path, 'utf8'));
    all.literals.push(...found.literals);
    all.dynamic.push(...found.dynamic);
  }
  return all;
}
