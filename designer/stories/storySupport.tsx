/**
 * Shared fixtures for the designer's stories: an editor store around a sample
 * (the samples feed stories, unit tests and browser tests alike).
 */
import type { Decorator } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { command, runCommand } from '../../core/document';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { EditorProvider } from '../editor/EditorContext';
import { EditorStore, type EditorUiState } from '../editor/editorStore';
import type { Persistence } from '../editor/usePersistence';
import { openDesignerDb, SopRepository } from '../storage';

export function sampleDoc(id: string): SopDocument {
  const doc = loadSample(id);
  if (!doc) throw new Error(`no sample ${id}`);
  return structuredClone(doc);
}

export function EditorFixture({
  doc,
  ui,
  children,
  onStore,
}: {
  doc: SopDocument;
  ui?: Partial<Pick<EditorUiState, 'flowId' | 'view' | 'panel' | 'selection'>>;
  children: ReactNode;
  /** Hands the store out, for a play function that checks the document. */
  onStore?: (store: EditorStore) => void;
}) {
  const [store] = useState(() => {
    const created = new EditorStore(doc, ui);
    onStore?.(created);
    return created;
  });
  return <EditorProvider value={store}>{children}</EditorProvider>;
}

/** Wraps a story in an editor holding a copy of the sample (or of the given document). */
export function withEditor(sample: string | (() => SopDocument), ui?: Parameters<typeof EditorFixture>[0]['ui'], onStore?: (store: EditorStore) => void): Decorator {
  const DecoratedStory: Decorator = (Story) => (
    <EditorFixture doc={typeof sample === 'string' ? sampleDoc(sample) : sample()} {...(ui ? { ui } : {})} {...(onStore ? { onStore } : {})}>
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

/**
 * A small SOP with every symbol and every kind of arrow: start, process,
 * decision (Ya onward, Tidak back), a step handed to a second actor, an arrow
 * that leaves the SOP, an off-page connector and an end.
 */
export function miniDoc(): SopDocument {
  return {
    schemaVersion: 2,
    id: 'contoh-mini',
    identity: {
      government: 'Pemerintah Kabupaten Contoh',
      office: 'Dinas Sosial',
      unit: 'Bidang Rehabilitasi Sosial',
      title: 'Pelayanan Surat Keterangan',
      number: '400/01/2025',
      dates: {},
    },
    actors: [
      { id: 'pemohon', label: 'Pemohon', kind: 'citizen' },
      { id: 'petugas', label: 'Petugas Loket', kind: 'role' },
      { id: 'kasi', label: 'Kepala Seksi', kind: 'role' },
    ],
    flows: [
      {
        id: 'main',
        lanes: ['pemohon', 'petugas', 'kasi'],
        steps: [
          { id: 's1', number: '1', kind: 'start', text: 'Pemohon datang membawa berkas', actors: [{ actor: 'pemohon', role: 'performs' }], requirements: [{ id: 'r1', text: 'KTP' }, { id: 'r2', text: 'Kartu Keluarga' }], waktu: { raw: '5 menit' } },
          { id: 's2', number: '2', kind: 'process', text: 'Petugas memeriksa kelengkapan berkas', actors: [{ actor: 'petugas', role: 'performs' }], waktu: { raw: '10 menit' }, output: 'Berkas diperiksa' },
          { id: 's3', number: '3', kind: 'decision', text: 'Berkas lengkap?', actors: [{ actor: 'petugas', role: 'performs' }] },
          { id: 's4', number: '4', kind: 'process', text: 'Kepala Seksi memaraf, petugas menerima kembali', actors: [{ actor: 'kasi', role: 'approves' }, { actor: 'petugas', role: 'receives' }], waktu: { raw: '1 hari kerja' }, remarks: 'Paraf di pojok kanan' },
          { id: 's5', number: '5', kind: 'connector', text: 'Lanjut ke halaman berikut', symbolText: 'A', actors: [{ actor: 'petugas', role: 'performs' }] },
          { id: 's6', number: '6', kind: 'end', outcome: 'selesai', text: 'Surat diserahkan kepada pemohon', actors: [{ actor: 'pemohon', role: 'receives' }] },
        ],
        edges: [
          { id: 'e1', from: 's1', to: 's2' },
          { id: 'e2', from: 's2', to: 's3' },
          { id: 'e3', from: 's3', to: 's4', label: 'Ya' },
          { id: 'e4', from: 's3', to: 's2', label: 'Tidak' },
          { id: 'e5', from: 's4', to: 's5' },
          { id: 'e6', from: 's4', leaves: { target: 'Dinas Kesehatan' } },
          { id: 'e7', from: 's5', to: 's6' },
        ],
      },
    ],
    revision: { number: 0, status: 'draft' },
  };
}

/** Persistence that stores nothing: for components that only pass it on or call it on a click. */
export function storyPersistence(overrides: Partial<Persistence> = {}): Persistence {
  return {
    flush: async () => {},
    reloadFromStorage: async () => {},
    keepMine: async () => {},
    retry: async () => {},
    publish: async () => ({}),
    ...overrides,
  };
}

/** A repository over a fresh IndexedDB of its own, seeded with `docs`. */
export function storyRepository(prefix: string, docs: readonly SopDocument[] = []): SopRepository {
  return new SopRepository(openDesignerDb({ name: storyDbName(prefix), seed: () => docs }));
}

/** The evaluation the review-note stories attach. */
export const STORY_EVALUATION = { id: 'eval-2026-1', title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026', url: 'https://sop.example.go.id/runtime/#/monev/evaluasi/eval-2026-1' };

/**
 * `doc` with an SOP evaluation's notes attached, as the designer attaches them
 * on `?evaluasi=`: `notes` by step id, plus one general note on the first step.
 */
export function withEvaluationNotes(doc: SopDocument, notes: { stepId: string; text: string }[], generalNotes: string[] = []): SopDocument {
  const outcome = runCommand(doc, command('evaluationNotes.attach', { evaluation: STORY_EVALUATION, notes, generalNotes, date: '2026-07-04' }));
  if (!outcome.ok) throw new Error(outcome.reason.en);
  return structuredClone(outcome.doc);
}
