/**
 * One case per command, built for any sample: the command to run, the
 * commands that set up its precondition, and whether the flow must stay
 * valid. Shared by the do/undo/redo table test and the random-sequence test.
 */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { buildClipboard } from '../clipboard/payload';
import { command, type Command, type CommandId } from '../commands/registry';
import { firstProcess, mainFlow, sample } from './support';

export interface CommandCase {
  /** Commands run first to create the precondition (a second flow, a section...). */
  prepare?: (doc: SopDocument) => Command[];
  /** `doc` is the prepared document; `original` the sample before `prepare`. */
  build: (doc: SopDocument, original: SopDocument) => Command;
  /** False for edits that may legitimately break the flow (removing an arrow). */
  keepsValid: boolean;
}

const flowId = (doc: SopDocument) => mainFlow(doc).id;
const processId = (doc: SopDocument) => firstProcess(mainFlow(doc)).id;
const lanes = (doc: SopDocument) => mainFlow(doc).lanes;
const exitOf = (doc: SopDocument, stepId: string) => mainFlow(doc).edges.find((e) => e.from === stepId)!;
/** A lane the first process step does not act in (every sample has one). */
const otherLane = (doc: SopDocument) => {
  const step = firstProcess(mainFlow(doc));
  return lanes(doc).find((l) => !step.actors.some((a) => a.actor === l))!;
};
const lastFlow = (doc: SopDocument) => doc.flows[doc.flows.length - 1]!.id;
/** A 1×1 PNG, as an uploaded logo or QR would be embedded. */
export const TINY_PNG = {
  mediaType: 'image/png' as const,
  base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
};
const caseFieldIds = (doc: SopDocument) => (doc.caseFields ?? []).map((f) => f.id);

export const commandCases: Record<CommandId, CommandCase> = {
  'document.replace': {
    build: (d) => command('document.replace', { document: JSON.parse(JSON.stringify({ ...d, identity: { ...d.identity, title: 'Judul dari JSON' } })) }),
    keepsValid: true,
  },
  'identity.update': {
    build: () => command('identity.update', { changes: { title: 'Judul baru', number: '400/1/2025', address: null, dates: { revisi: { raw: '3 Maret 2025' } } } }),
    keepsValid: true,
  },
  'identityRow.add': {
    prepare: () => [command('identityRow.remove', { row: 'peringatan' })],
    build: () => command('identityRow.add', { row: 'peringatan' }),
    keepsValid: true,
  },
  'identityRow.remove': {
    prepare: () => [command('identityRow.add', { row: 'revisi' }), command('identityRow.setIllegible', { row: 'revisi', illegible: true })],
    build: () => command('identityRow.remove', { row: 'revisi' }),
    keepsValid: true,
  },
  'identityRow.setIllegible': { build: () => command('identityRow.setIllegible', { row: 'number', illegible: true }), keepsValid: true },
  'identityLabel.set': { build: () => command('identityLabel.set', { label: 'namaSop', text: 'Judul Prosedur (diubah)' }), keepsValid: true },
  'identity.setLogo': { build: () => command('identity.setLogo', { logo: TINY_PNG }), keepsValid: true },
  'electronicSignature.setQr': { build: () => command('electronicSignature.setQr', { qr: TINY_PNG }), keepsValid: true },
  'electronicSignature.setStatement': {
    prepare: () => [command('electronicSignature.setQr', { qr: TINY_PNG })],
    build: () => command('electronicSignature.setStatement', { statement: 'Ditandatangani secara elektronik menggunakan sertifikat BSrE' }),
    keepsValid: true,
  },
  'electronicSignature.setInEveryFooter': {
    prepare: () => [command('electronicSignature.setQr', { qr: TINY_PNG })],
    build: () => command('electronicSignature.setInEveryFooter', { inEveryFooter: true }),
    keepsValid: true,
  },
  'electronicSignature.remove': {
    prepare: () => [command('electronicSignature.setQr', { qr: TINY_PNG })],
    build: () => command('electronicSignature.remove', {}),
    keepsValid: true,
  },
  'headerBlock.setItems': {
    build: () => command('headerBlock.setItems', { block: 'peringatan', items: ['Pelayanan terhambat bila SOP tidak dilaksanakan'] }),
    keepsValid: true,
  },
  'columns.setLabel': { build: () => command('columns.setLabel', { column: 'kegiatan', label: 'Aktivitas (diubah)' }), keepsValid: true },
  'statedTotal.set': { build: (d) => command('statedTotal.set', { flowId: flowId(d), raw: '1 Hari Kerja', label: 'Jumlah Waktu' }), keepsValid: true },
  'flow.add': { build: (d) => command('flow.add', { title: 'Alur kedua', lanes: [lanes(d)[0]!] }), keepsValid: true },
  'flow.rename': { build: (d) => command('flow.rename', { flowId: flowId(d), title: 'Bagan alir utama' }), keepsValid: true },
  'flow.remove': {
    prepare: () => [command('flow.add', { title: 'Alur cadangan' })],
    build: (d) => command('flow.remove', { flowId: d.flows[0]!.id }),
    keepsValid: true,
  },
  'flow.reorder': {
    prepare: () => [command('flow.add', { title: 'Alur kedua' })],
    build: (d) => command('flow.reorder', { flowId: lastFlow(d), toIndex: 0 }),
    keepsValid: true,
  },
  'lane.add': { build: (d) => command('lane.add', { flowId: flowId(d), actor: { label: 'Sekretaris Dinas' }, index: 1 }), keepsValid: true },
  'lane.rename': { build: (d) => command('lane.rename', { actorId: lanes(d)[0]!, label: 'Pemohon (warga)' }), keepsValid: true },
  'lane.reorder': { build: (d) => command('lane.reorder', { flowId: flowId(d), actorId: lanes(d)[0]!, toIndex: lanes(d).length - 1 }), keepsValid: true },
  'lane.remove': {
    build: (d) => command('lane.remove', { flowId: flowId(d), actorId: lanes(d)[lanes(d).length - 1]!, moveStepsTo: lanes(d)[0]! }),
    keepsValid: true,
  },
  'actor.update': { build: (d) => command('actor.update', { actorId: d.actors[0]!.id, changes: { kind: 'system', note: 'diperiksa ulang' } }), keepsValid: true },
  'step.add': { build: (d) => command('step.add', { flowId: flowId(d), afterStepId: processId(d), text: 'Petugas mencatat berkas' }), keepsValid: true },
  'step.update': {
    build: (d) =>
      command('step.update', {
        flowId: flowId(d),
        stepId: processId(d),
        changes: {
          text: 'Kasi memeriksa, Kabid memaraf',
          waktuRaw: '2-3 Jam',
          requirements: [{ text: 'KTP' }, { text: 'KK', mustCheck: true }],
          actors: [{ actor: lanes(d)[0]!, role: 'performs' }, { actor: lanes(d)[1]!, role: 'approves', alternative: true }],
          output: 'Berkas terverifikasi',
          remarks: null,
          condition: 'jika berkas lengkap',
        },
      }),
    keepsValid: true,
  },
  'step.changeKind': { build: (d) => command('step.changeKind', { flowId: flowId(d), stepId: processId(d), kind: 'decision' }), keepsValid: true },
  'step.moveToLane': { build: (d) => command('step.moveToLane', { flowId: flowId(d), stepId: processId(d), toActorId: otherLane(d) }), keepsValid: true },
  'step.moveToRow': {
    build: (d) => command('step.moveToRow', { flowId: flowId(d), stepId: processId(d), toIndex: mainFlow(d).steps.length - 1 }),
    keepsValid: true,
  },
  'step.remove': { build: (d) => command('step.remove', { flowId: flowId(d), stepId: processId(d) }), keepsValid: true },
  'steps.remove': {
    prepare: (d) => [command('step.add', { flowId: flowId(d), afterStepId: processId(d), text: 'tambahan' })],
    build: (d) => {
      const flow = mainFlow(d);
      const at = flow.steps.findIndex((s) => s.id === processId(d));
      return command('steps.remove', { flowId: flow.id, stepIds: [flow.steps[at]!.id, flow.steps[at + 1]!.id] });
    },
    keepsValid: true,
  },
  'steps.paste': {
    build: (d) => {
      const source = sample(d.id === 'oku-01-sktm' ? 'bwi-spm-online' : 'oku-01-sktm');
      const flow = mainFlow(source);
      const content = buildClipboard(source, flow.id, flow.steps.filter((s) => s.kind === 'process').slice(0, 2).map((s) => s.id))!;
      return command('steps.paste', { flowId: flowId(d), afterStepId: processId(d), content });
    },
    keepsValid: true,
  },
  'steps.renumber': {
    prepare: (d) => [command('step.add', { flowId: flowId(d), afterStepId: processId(d), text: 'sisipan' })],
    build: (d) => command('steps.renumber', { flowId: flowId(d) }),
    keepsValid: true,
  },
  'edge.add': {
    prepare: (d) => [command('edge.remove', { flowId: flowId(d), edgeId: exitOf(d, processId(d)).id })],
    build: (d, original) => {
      const removed = exitOf(original, processId(original));
      return command('edge.add', { flowId: flowId(d), from: removed.from, to: removed.to! });
    },
    keepsValid: false,
  },
  'edge.reconnect': {
    build: (d) => {
      const exit = exitOf(d, processId(d));
      const other = mainFlow(d).steps.find((s) => s.id !== exit.from && s.id !== exit.to)!;
      return command('edge.reconnect', { flowId: flowId(d), edgeId: exit.id, to: other.id });
    },
    keepsValid: false,
  },
  'edge.setLabel': { build: (d) => command('edge.setLabel', { flowId: flowId(d), edgeId: exitOf(d, processId(d)).id, label: 'lanjut' }), keepsValid: true },
  'edge.update': {
    build: (d) => command('edge.update', { flowId: flowId(d), edgeId: exitOf(d, processId(d)).id, changes: { labelReading: 'illegible', targetInferred: true } }),
    keepsValid: true,
  },
  'edge.remove': { build: (d) => command('edge.remove', { flowId: flowId(d), edgeId: exitOf(d, processId(d)).id }), keepsValid: false },
  'signOff.add': {
    build: (d) => command('signOff.add', { flowId: flowId(d), stepId: processId(d), signOff: { position: 'Kasi', action: 'paraf' } }),
    keepsValid: true,
  },
  'signOff.update': {
    prepare: (d) => [command('signOff.add', { flowId: flowId(d), stepId: processId(d), signOff: { position: 'Kasi', action: 'paraf' } })],
    build: (d) => command('signOff.update', { flowId: flowId(d), stepId: processId(d), index: 0, changes: { position: 'Kabid', action: 'tandaTangan' } }),
    keepsValid: true,
  },
  'signOff.remove': {
    prepare: (d) => [command('signOff.add', { flowId: flowId(d), stepId: processId(d), signOff: { position: 'Kasi', action: 'paraf' } })],
    build: (d) => command('signOff.remove', { flowId: flowId(d), stepId: processId(d), index: 0 }),
    keepsValid: true,
  },
  'signOff.move': {
    prepare: (d) => [
      command('signOff.add', { flowId: flowId(d), stepId: processId(d), signOff: { position: 'Kasi', action: 'paraf' } }),
      command('signOff.add', { flowId: flowId(d), stepId: processId(d), signOff: { position: 'Kadis', action: 'tandaTangan' } }),
    ],
    build: (d) => command('signOff.move', { flowId: flowId(d), stepId: processId(d), index: 1, toIndex: 0 }),
    keepsValid: true,
  },
  'section.add': { build: (d) => command('section.add', { flowId: flowId(d), beforeStepId: processId(d), title: 'Tahap Verifikasi' }), keepsValid: true },
  'section.rename': {
    prepare: (d) => [command('section.add', { flowId: flowId(d), beforeStepId: processId(d), title: 'Tahap' })],
    build: (d) => command('section.rename', { flowId: flowId(d), sectionId: mainFlow(d).sections!.find((s) => s.title === 'Tahap')!.id, title: 'Tahap Penerbitan' }),
    keepsValid: true,
  },
  'section.remove': {
    prepare: (d) => [command('section.add', { flowId: flowId(d), beforeStepId: processId(d), title: 'Tahap' })],
    build: (d) => command('section.remove', { flowId: flowId(d), sectionId: mainFlow(d).sections!.find((s) => s.title === 'Tahap')!.id }),
    keepsValid: true,
  },
  'caseField.add': {
    build: (d) => command('caseField.add', { field: { label: 'Nomor KK', type: 'text', required: true, step: processId(d) } }),
    keepsValid: true,
  },
  'caseField.update': {
    prepare: () => [command('caseField.add', { field: { id: 'no-kk', label: 'Nomor KK', type: 'text', required: true } })],
    build: (d) => command('caseField.update', { fieldId: 'no-kk', changes: { type: 'choice', options: ['Ada', 'Tidak ada'], help: 'Lihat kartu', step: processId(d) } }),
    keepsValid: true,
  },
  'caseField.remove': {
    prepare: () => [command('caseField.add', { field: { id: 'no-kk', label: 'Nomor KK', type: 'text', required: false } })],
    build: () => command('caseField.remove', { fieldId: 'no-kk' }),
    keepsValid: true,
  },
  'caseField.reorder': {
    prepare: () => [
      command('caseField.add', { field: { id: 'no-kk', label: 'Nomor KK', type: 'text', required: false } }),
      command('caseField.add', { field: { id: 'catatan', label: 'Catatan', type: 'longText', required: false } }),
    ],
    build: (d) => command('caseField.reorder', { fieldId: caseFieldIds(d)[caseFieldIds(d).length - 1]!, toIndex: 0 }),
    keepsValid: true,
  },
  'evaluationNotes.attach': {
    build: (d) => attachEvaluation(d),
    keepsValid: true,
  },
  'reviewNote.resolve': {
    prepare: (d) => [attachEvaluation(d)],
    build: (d) => command('reviewNote.resolve', { flowId: flowId(d), stepId: processId(d), noteId: firstReviewNoteId(d) }),
    keepsValid: true,
  },
  'reviewNote.remove': {
    prepare: (d) => [attachEvaluation(d)],
    build: (d) => command('reviewNote.remove', { flowId: flowId(d), stepId: processId(d), noteId: firstReviewNoteId(d) }),
    keepsValid: true,
  },
};

/** An evaluation with one note on the first process step and one general note. */
function attachEvaluation(d: SopDocument): Command {
  return command('evaluationNotes.attach', {
    evaluation: { id: 'eval-1', title: 'Evaluasi SOP, Januari–Juni 2026' },
    notes: [{ stepId: processId(d), text: 'Melebihi Waktu pada 62% kasus' }],
    generalNotes: ['Tinjau ulang persyaratan'],
  });
}
const firstReviewNoteId = (d: SopDocument) => firstProcess(mainFlow(d)).reviewNotes![0]!.id;
