/**
 * Shared fixtures for the designer's stories: an editor store around a sample
 * (the samples feed stories, unit tests and browser tests alike).
 */
import type { Decorator } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { EditorProvider } from '../editor/EditorContext';
import { EditorStore, type EditorUiState } from '../editor/editorStore';

export function sampleDoc(id: string): SopDocument {
  const doc = loadSample(id);
  if (!doc) throw new Error(`no sample ${id}`);
  return structuredClone(doc);
}

export function EditorFixture({
  doc,
  ui,
  children,
}: {
  doc: SopDocument;
  ui?: Partial<Pick<EditorUiState, 'flowId' | 'view' | 'panel' | 'selection'>>;
  children: ReactNode;
}) {
  const [store] = useState(() => new EditorStore(doc, ui));
  return <EditorProvider value={store}>{children}</EditorProvider>;
}

/** Wraps a story in an editor holding a copy of the sample. */
export function withEditor(sampleId: string, ui?: Parameters<typeof EditorFixture>[0]['ui']): Decorator {
  const DecoratedStory: Decorator = (Story) => (
    <EditorFixture doc={sampleDoc(sampleId)} {...(ui ? { ui } : {})}>
      <div className="designer designer--editor story-frame">
        <Story />
      </div>
    </EditorFixture>
  );
  return DecoratedStory;
}

let dbCounter = 0;
/** A fresh IndexedDB name per story run, so stories never share or touch real data. */
export function storyDbName(prefix: string): string {
  return `story-${prefix}-${Date.now()}-${dbCounter++}`;
}
