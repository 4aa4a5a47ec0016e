/**
 * No text a person sees is hard-coded: every interface string goes through `t()` so it exists in all six
 * languages. This reads the client's source with the TypeScript parser and lists, file by file, what looks like
 * text for people outside `t()`:
 * - JSX text with words in it (`<p>Save</p>`);
 * - text attributes given as literals (`aria-label="Close"`, `title`, `placeholder`, `alt`, `label`);
 * - string literals with words placed straight into JSX or a conditional or `??`/`||` in it (`{busy ? 'Saving' : x}`);
 * - in any client file, a literal that reads as a sentence (a capital, then words).
 * Not text for people: names that stay the same in every language (below), code, and a line marked
 * `i18n-exempt: <reason>` (on it or the line before), for the rare literal the scanner mistakes for text.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(import.meta.dirname, '..');

/** Names and symbols that read the same in every interface language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Rightsdraft', 'PDF', 'Word', 'ICS', '.docx', 'SDG', 'UPR', 'OHCHR', 'OK']);

const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());
const readsAsSentence = (text: string) => /^[A-Z][a-z’']+,? [a-z]/.test(text);

function isExempt(source: ts.SourceFile, node: ts.Node): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const lines = source.text.split('\n');
  return [lines[line], lines[line - 1]].some((l) => l !== undefined && l.includes('i18n-exempt:'));
}

/** Calls whose string arguments are not shown to people. */
function isNotShown(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression.getText();
    return /^(t|i18n\.t|console\.\w+|Error|TypeError|RangeError|querySelector\w*|\w+\.querySelector\w*)$/.test(callee);
  }
  return false;
}

function findHardCoded(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const jsx = file.endsWith('.tsx');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    if (isExempt(source, node)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${line}: ${what.replace(/\s+/g, ' ').slice(0, 70)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.getText())) report(node, node.getText().trim());
    else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (TEXT_ATTRIBUTES.has(node.name.getText()) && hasWords(node.initializer.text)) report(node, node.getText());
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      const parent = node.parent;
      const inJsx =
        jsx &&
        (ts.isJsxExpression(parent) ||
          ((ts.isConditionalExpression(parent) || ts.isBinaryExpression(parent)) && ts.isJsxExpression(parent.parent)));
      if (inJsx && hasWords(node.text) && /\s/.test(node.text)) report(node, `'${node.text}'`);
      else if (!inJsx && readsAsSentence(node.text) && !isNotShown(ts.isTemplateHead(node) ? node.parent : node)) report(node, `'${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('interface text', () => {
  it('[I18N4] no text a person sees is hard-coded outside t()', () => {
    const found: Record<string, string[]> = {};
    // HARDCODED_UNDER=features/account/,ui/ narrows the check to those folders while working on them.
    const under = (process.env.HARDCODED_UNDER ?? '').split(',').filter(Boolean);
    for (const file of sourceFiles(srcDir)) {
      if (under.length && !under.some((prefix) => path.relative(srcDir, file).startsWith(prefix))) continue;
      const hits = findHardCoded(file);
      if (hits.length) found[path.relative(srcDir, file)] = hits;
    }
    expect(found).toEqual({});
  });
});
