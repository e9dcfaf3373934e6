#!/usr/bin/env node
/**
 * src/core is data in, data out (ARCHITECTURE.md): no clock, no randomness, no process. This check
 * reads every TypeScript file under src/core (or the folders given as arguments) with the
 * TypeScript parser — strings and comments are not code — and fails on:
 *   Date.now(), new Date() / new Date without an argument, Date() called as a function,
 *   Math.random(), crypto.getRandomValues / crypto.randomUUID, performance.now(),
 *   and any use of the `process` global.
 * Import rules (nothing outside core, no npm package, no node: built-in) are dependency-cruiser's.
 * Run by `npm run lint`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

function* tsFiles(path) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yield* tsFiles(join(path, entry));
  } else if (/\.(ts|tsx|mts|cts)$/.test(path) && !path.endsWith('.d.ts')) {
    yield path;
  }
}

/** `a.b` with `a` a bare identifier, as the text "a.b"; null otherwise. */
function memberName(node) {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    return `${node.expression.text}.${node.name.text}`;
  }
  return null;
}

/** Whether an identifier named `process` is a reference to the global, not a name of something else. */
function isProcessReference(node) {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false; // x.process
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false; // { process: … }
  if (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent))
    return parent.name !== node;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  )
    return false;
  return true;
}

const FORBIDDEN_MEMBERS = new Map([
  ['Date.now', 'Date.now(): the caller passes `today`'],
  ['Math.random', 'Math.random(): use a seeded PRNG passed in'],
  ['crypto.getRandomValues', 'crypto.getRandomValues(): randomness belongs outside core'],
  ['crypto.randomUUID', 'crypto.randomUUID(): ids are made outside core'],
  ['performance.now', 'performance.now(): the clock belongs outside core'],
]);

/**
 * The impure spots of every TypeScript file under the given folders, as 'file:line:col  why'.
 * @param {string[]} roots
 * @returns {string[]}
 */
export function findImpurities(roots) {
  const problems = [];
  for (const root of roots) {
    for (const file of tsFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const report = (node, message) => {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        problems.push(`${relative(process.cwd(), file)}:${line + 1}:${character + 1}  ${message}`);
      };
      const visit = (node) => {
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
          if (!node.arguments || node.arguments.length === 0)
            report(node, 'new Date() without an argument reads the clock: the caller passes `today`');
        } else if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'Date'
        ) {
          report(node, 'Date() reads the clock: the caller passes `today`');
        } else if (ts.isPropertyAccessExpression(node) && FORBIDDEN_MEMBERS.has(memberName(node) ?? '')) {
          report(node, FORBIDDEN_MEMBERS.get(memberName(node) ?? '') ?? '');
        } else if (ts.isIdentifier(node) && node.text === 'process' && isProcessReference(node)) {
          report(node, '`process` (environment, argv, exit, stdout) belongs to the caller, not to core');
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return problems;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const roots = process.argv.length > 2 ? process.argv.slice(2) : ['src/core'];
  const problems = findImpurities(roots);
  if (problems.length > 0) {
    console.error(`core purity: ${problems.length} problem(s) in ${roots.join(', ')}`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`core purity: ok (${roots.join(', ')})`);
}
