import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Dependency rules that keep the architecture honest (see DESIGN.md §4):
 * - core/ and schemas/ are pure TypeScript shared by both apps and the CLI:
 *   no React, React Flow, Monaco or Dexie, and nothing from the apps.
 * - runtime/ (the clerk's app) never imports the designer, so the clerk's
 *   bundle never carries the canvas or the JSON editor.
 * - ui/ holds components shared by both apps, so it imports neither (its
 *   browser tests may render the apps).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function sourceFiles(dir: string): string[] {
  const absolute = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return []; // the folder does not exist yet
  }
  return entries.flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const path = join(absolute, entry);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return SOURCE.test(entry) && !entry.endsWith('.d.ts') ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

/**
 * Every module specifier in static imports, re-exports, dynamic `import()` and
 * `require()`. Comments are stripped first so prose mentioning React is fine.
 */
function importSpecifiers(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => Array.from(withoutComments.matchAll(pattern), (match) => match[1] ?? ''));
}

const UI_PACKAGES = [/^react$/, /^react\//, /^react-dom(\/|$)/, /^@xyflow\//, /^reactflow(\/|$)/, /^monaco-editor(\/|$)/, /^@monaco-editor\//, /^dexie(\/|$)/];

/** The repository folder an import lands in, or null for a package import. */
function targetFolder(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
  return target.split('/')[0] ?? null;
}

function violations(files: string[], forbidden: (file: string, specifier: string) => boolean): string[] {
  return files.flatMap((file) =>
    importSpecifiers(readFileSync(join(ROOT, file), 'utf8'))
      .filter((specifier) => forbidden(file, specifier))
      .map((specifier) => `${file} imports '${specifier}'`),
  );
}

describe('architecture', () => {
  const pureFiles = [...sourceFiles('core'), ...sourceFiles('schemas')];

  it('finds the pure core to check', () => {
    expect(pureFiles.length).toBeGreaterThan(0);
  });

  it('keeps core/ and schemas/ free of React, React Flow, Monaco and Dexie', () => {
    expect(violations(pureFiles, (_file, specifier) => UI_PACKAGES.some((pattern) => pattern.test(specifier)))).toEqual([]);
  });

  it('keeps core/ and schemas/ independent of the apps, shared UI and the server', () => {
    const apps = new Set(['designer', 'runtime', 'ui', 'start', 'server']);
    expect(violations(pureFiles, (file, specifier) => apps.has(targetFolder(file, specifier) ?? ''))).toEqual([]);
  });

  it('keeps runtime/ from importing designer/', () => {
    const runtimeFiles = sourceFiles('runtime');
    expect(violations(runtimeFiles, (file, specifier) => targetFolder(file, specifier) === 'designer')).toEqual([]);
  });

  it('keeps device/ (the storage both apps share) free of React and of either app', () => {
    const deviceFiles = sourceFiles('device');
    expect(deviceFiles.length).toBeGreaterThan(0);
    const apps = new Set(['designer', 'runtime', 'ui', 'start']);
    const react = UI_PACKAGES.filter((pattern) => !pattern.test('dexie'));
    expect(
      violations(deviceFiles, (file, specifier) => apps.has(targetFolder(file, specifier) ?? '') || react.some((pattern) => pattern.test(specifier))),
    ).toEqual([]);
  });

  it('keeps server/ free of React and of the browser apps: it shares only core/ and schemas/ with them', () => {
    const serverFiles = sourceFiles('server');
    expect(serverFiles.length).toBeGreaterThan(0);
    const browserSide = new Set(['designer', 'runtime', 'ui', 'start', 'device', 'print']);
    expect(
      violations(serverFiles, (file, specifier) => browserSide.has(targetFolder(file, specifier) ?? '') || UI_PACKAGES.some((pattern) => pattern.test(specifier))),
    ).toEqual([]);
  });

  it('keeps the shared ui/ from importing either app', () => {
    const apps = new Set(['designer', 'runtime', 'start']);
    expect(violations(sourceFiles('ui'), (file, specifier) => apps.has(targetFolder(file, specifier) ?? '') && !/\.test\.tsx?$/.test(file))).toEqual([]);
  });

  it('recognises every import form it guards against', () => {
    const sample = [
      "import React from 'react';",
      "import type { Node } from '@xyflow/react';",
      "export { x } from '../designer/x';",
      "import './side-effect.css';",
      "const m = await import('monaco-editor');",
      "const d = require('dexie');",
      "// import nothing from 'react-dom' in a comment",
      "import {\n  a,\n  b,\n} from 'react-dom/client';",
    ].join('\n');
    expect(importSpecifiers(sample)).toEqual(
      expect.arrayContaining(['react', '@xyflow/react', '../designer/x', './side-effect.css', 'monaco-editor', 'dexie', 'react-dom/client']),
    );
    expect(importSpecifiers('// import x from "react-dom"')).toEqual([]);
  });
});
