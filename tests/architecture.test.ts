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
 * - print/ holds all print code: print/model (pure: paper, table sizing,
 *   pagination, the SVG export), print/view (the React print view and the
 *   print page's pieces) and print/pdf (Node: Chromium to PDF). The print is a
 *   viewer: it never imports the designer, the runtime or device storage.
 * - cli/ is Node: it reaches the print only through print/pdf and print/model.
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

/** The repository path an import lands on, or null for a package import. */
function targetPath(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
}

/** The repository folder an import lands in, or null for a package import. */
function targetFolder(file: string, specifier: string): string | null {
  return targetPath(file, specifier)?.split('/')[0] ?? null;
}

/** Whether an import lands in one of `folders` (paths like 'print/view', matched with what lies below them). */
function landsIn(file: string, specifier: string, folders: readonly string[]): boolean {
  const target = targetPath(file, specifier);
  return target !== null && folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
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

  it('keeps core/ and schemas/ independent of the apps, shared UI, the print and the server', () => {
    const apps = new Set(['designer', 'runtime', 'ui', 'start', 'server', 'print', 'cli']);
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

  it('keeps the shared ui/ from importing either app or the print', () => {
    const apps = new Set(['designer', 'runtime', 'start', 'print']);
    expect(violations(sourceFiles('ui'), (file, specifier) => apps.has(targetFolder(file, specifier) ?? '') && !/\.test\.tsx?$/.test(file))).toEqual([]);
  });

  describe('print/: all print code in one place', () => {
    const model = sourceFiles('print/model');
    const view = sourceFiles('print/view');
    const pdf = sourceFiles('print/pdf');

    it('finds each part of the print', () => {
      expect(model.length).toBeGreaterThan(0);
      expect(view.length).toBeGreaterThan(0);
      expect(pdf.length).toBeGreaterThan(0);
      // Nothing of the print is left where it used to be spread.
      for (const old of ['core/print', 'ui/print', 'designer/print', 'cli/print']) expect(sourceFiles(old), old).toEqual([]);
    });

    it('keeps print/model pure: no React or browser storage, only core/, schemas/ and itself', () => {
      expect(
        violations(model, (file, specifier) => {
          if (UI_PACKAGES.some((pattern) => pattern.test(specifier))) return true;
          const target = targetPath(file, specifier);
          // Tests also read the samples, the generated SOPs and the crafted documents (pure data).
          return target !== null && !landsIn(file, specifier, ['core', 'schemas', 'print/model', 'samples', 'bench', 'print/fixtures']);
        }),
      ).toEqual([]);
    });

    it('keeps the print a viewer: no part of it imports the designer, the runtime, the start page, device storage or the server', () => {
      expect(violations(sourceFiles('print'), (file, specifier) => landsIn(file, specifier, ['designer', 'runtime', 'start', 'device', 'server']))).toEqual([]);
    });

    it('keeps the React view out of Node: print/pdf imports neither React nor print/view, and print/view never the printer', () => {
      expect(violations(pdf, (file, specifier) => UI_PACKAGES.some((pattern) => pattern.test(specifier)) || landsIn(file, specifier, ['print/view', 'ui']))).toEqual([]);
      expect(violations(view, (file, specifier) => landsIn(file, specifier, ['print/pdf', 'cli']))).toEqual([]);
    });

    it('lets the apps reach the print only through its view (hand-over, image export), never the printer', () => {
      const apps = [...sourceFiles('designer'), ...sourceFiles('runtime')];
      expect(violations(apps, (file, specifier) => landsIn(file, specifier, ['print/pdf']))).toEqual([]);
    });
  });

  it('keeps cli/ (Node) to the core, the schemas and the printer: no React, no apps, no print view', () => {
    const cliFiles = sourceFiles('cli').filter((file) => !file.startsWith('cli/generated/'));
    expect(cliFiles.length).toBeGreaterThan(0);
    expect(
      violations(
        cliFiles,
        (file, specifier) =>
          UI_PACKAGES.some((pattern) => pattern.test(specifier)) ||
          landsIn(file, specifier, ['designer', 'runtime', 'ui', 'start', 'device', 'server', 'print/view']),
      ),
    ).toEqual([]);
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
