/**
 * Turns one neutral seed transcription into an SOP document of our schema.
 * Pure: no file system; the Waktu parser is passed in.
 */
import { parseSopDate } from '../../core/identity/parseSopDate';
import type {
  Actor,
  Columns,
  Edge,
  Flow,
  HeaderBlocks,
  Identity,
  ParsedWaktu,
  Requirement,
  Revision,
  SignatureBlock,
  SopDate,
  SopDocument,
  Step,
  StepActor,
} from '../../schemas/generated/sop.types';
import type { Fix, SeedOverride } from './overrideTypes';
import { restoreLists, slugId, splitRemark, squash, stripItemMarker } from './text';
import { HEADER_BLOCK_FIELDS, type DateKey, type Transcription, type TranscribedStep } from './transcription';

export interface ConvertDeps {
  parseWaktu: (raw: string) => ParsedWaktu;
}

const DATE_LABELS: Record<DateKey, string> = {
  pembuatan: 'Tanggal Pembuatan',
  revisi: 'Tanggal Revisi',
  pengesahan: 'Tanggal Pengesahan',
  efektif: 'Tanggal Efektif',
};

const BLOCK_LABELS: Record<keyof HeaderBlocks, string> = {
  dasarHukum: 'Dasar Hukum',
  kualifikasiPelaksana: 'Kualifikasi Pelaksana',
  keterkaitan: 'Keterkaitan',
  peralatanPerlengkapan: 'Peralatan/Perlengkapan',
  peringatan: 'Peringatan',
  pencatatanPendataan: 'Pencatatan dan Pendataan',
};

/** Quoted the way the sample notes quote transcription values (the test looks for this form). */
export function quoted(value: string): string {
  return `"${value}"`;
}

function toSopDate(raw: string): SopDate {
  const parsed = parseSopDate(raw);
  return parsed.iso === undefined ? { raw, precision: parsed.precision } : { raw, iso: parsed.iso, precision: parsed.precision };
}

export function convertSeed(t: Transcription, o: SeedOverride, deps: ConvertDeps): SopDocument {
  const notes: string[] = [...t.notes];
  const note = (text: string): void => {
    notes.push(text);
  };

  /** A transcription value, corrected by the override or cleared of a trailing transcriber's remark, with a note either way. */
  const take = (label: string, transcribed: string, fix: Fix | undefined): string => {
    if (fix !== undefined) {
      if (fix.value !== transcribed) {
        const was = transcribed === '' ? 'the transcription has none' : `the transcription reads ${quoted(transcribed)}`;
        note(`${label}: ${was}; the sample has ${quoted(fix.value)}. ${fix.why}`);
      }
      return fix.value;
    }
    const { value, remark } = splitRemark(transcribed);
    if (remark !== undefined) note(`${label}: the transcription reads ${quoted(transcribed)}; its remark in parentheses is kept here, not in the value.`);
    return value;
  };

  // ---------------------------------------------------------------- identity
  const identity: Identity = {
    government: take('Pemerintah', t.agency.government, o.identity?.government),
    office: take('Dinas', t.agency.office, o.identity?.office),
    unit: take('Bidang/Seksi', t.agency.unit ?? '', o.identity?.unit),
    title: '',
    number: '',
    dates: {},
  };
  if (t.agency.address) identity.address = t.agency.address;
  identity.title = take('Nama SOP', t.title, o.identity?.title);
  if (t.titleRaw) note(`Nama SOP as OCR'd: ${t.titleRaw}.`);
  if (t.indexTitle) identity.indexTitle = t.indexTitle;
  if (t.titleVariants && t.titleVariants.length > 0) {
    identity.titleVariants = t.titleVariants.map((v) => take('Title variant', v, undefined));
  }
  identity.number = take('Nomor SOP', t.number, o.identity?.number);
  if (t.numberNormalized) {
    note(`Nomor SOP is kept as written (${quoted(identity.number)}); the transcription normalizes it to ${t.numberNormalized}.`);
  }
  if (t.agency.documentHeading) note(`Document heading above this SOP: ${quoted(t.agency.documentHeading)}.`);

  for (const key of ['pembuatan', 'revisi', 'pengesahan', 'efektif'] as const) {
    const transcribed = t.dates[key];
    if (transcribed === undefined) continue;
    const raw = take(DATE_LABELS[key], transcribed, o.dates?.[key]);
    identity.dates![key] = toSopDate(raw);
  }

  const approverAbsent = t.approver.note?.includes('no DISAHKAN OLEH') ?? false;
  if (approverAbsent) {
    note('Disahkan Oleh: the source has no such line, so the sample has no approver.');
  } else {
    identity.approver = {
      position: take('Disahkan Oleh (jabatan)', t.approver.position, undefined),
      name: take('Disahkan Oleh (nama)', t.approver.name, undefined),
    };
    if (t.approver.rank) identity.approver.rank = t.approver.rank;
    if (t.approver.nip) identity.approver.nip = take('NIP', t.approver.nip, undefined);
    if (t.approver.note) note(`Disahkan Oleh: ${t.approver.note}.`);
  }

  if (t.attachmentOf) {
    const a = o.attachmentOf;
    if (!a) throw new Error(`${t.id}: attachmentOf needs an override with the attachment line as written`);
    identity.attachmentOf = { text: a.text, label: a.label, document: a.document, number: a.number, date: toSopDate(a.date) };
    note(`Lampiran: the transcription gives the date as ${quoted(t.attachmentOf.date)}. ${a.why}`);
    if (t.attachmentOf.note) note(`Lampiran: ${t.attachmentOf.note}`);
  }

  // ------------------------------------------------------------ header blocks
  const labels: NonNullable<Identity['labels']> = { ...(o.labels ?? {}) };
  let headerBlocks: HeaderBlocks | undefined;
  for (const [key, field] of HEADER_BLOCK_FIELDS) {
    const present = t.headerFieldsPresent[key];
    if (present === false) {
      if (t.steps.length > 0) note(`${BLOCK_LABELS[key]}: the SOP has no such block (absent, not empty).`);
      continue;
    }
    if (typeof present === 'string') {
      const as = /^as '(.+)'$/.exec(present);
      if (as) labels[key] = as[1]!;
      else note(`${BLOCK_LABELS[key]}: ${present}.`);
    }
    const fixes = o.headerItems?.[key] ?? {};
    headerBlocks ??= {};
    headerBlocks[key] = t[field].map((item, i) => {
      const { text, marker } = stripItemMarker(item);
      const fix = fixes[i];
      if (fix) return take(`${BLOCK_LABELS[key]} item ${i + 1}`, text, fix);
      if (marker) note(`${BLOCK_LABELS[key]} item ${i + 1}: the bullet ${quoted(marker)} is list markup, dropped from the item.`);
      return text;
    });
  }
  if (t.legalBasisNumbering) note(`Dasar Hukum numbering: ${t.legalBasisNumbering}.`);
  if (t.headerLabelVariants) note(`Label variants on the identity page: ${t.headerLabelVariants.join('; ')}.`);
  if (Object.keys(labels).length > 0) identity.labels = labels;

  // ----------------------------------------------------------------- columns
  const columns = t.tableColumnsRaw.length > 0 ? buildColumns(t, take) : undefined;
  if (t.columnNumberRow) note(`Column number row: ${t.columnNumberRow}.`);

  // ------------------------------------------------------------------ actors
  const laneIds = new Map<string, string>();
  const actors: Actor[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (label: string): string => {
    const base = slugId(label);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  for (const label of t.lanes) {
    const kind = o.actorKinds[label];
    if (!kind) throw new Error(`${t.id}: no actor kind for lane ${quoted(label)}`);
    const id = uniqueId(label);
    laneIds.set(label, id);
    const actor: Actor = { id, label, kind };
    const actorNote = o.actorNotes?.[label];
    if (actorNote) actor.note = actorNote;
    actors.push(actor);
  }
  for (const ext of o.externalActors ?? []) {
    if (usedIds.has(ext.id)) throw new Error(`${t.id}: external actor id ${ext.id} collides`);
    usedIds.add(ext.id);
    const actor: Actor = { id: ext.id, label: ext.label, kind: ext.kind };
    if (ext.note) actor.note = ext.note;
    actors.push(actor);
  }
  if (t.laneEvidence) note(`Lane evidence: ${t.laneEvidence}`);

  // ------------------------------------------------------------------- flows
  const flows: Flow[] = [];
  if (t.steps.length > 0) flows.push(buildFlow(t, o, deps, laneIds, take));
  else if (o.steps || o.branches) throw new Error(`${t.id}: step overrides for a document without steps`);

  // ---------------------------------------------------------------- revision
  const approver = identity.approver;
  const pengesahan = identity.dates?.pengesahan;
  const signed = (approver !== undefined && (approver.name !== '' || (approver.nip ?? '') !== '')) || pengesahan?.iso !== undefined;
  const revision: Revision = signed ? { number: 1, status: 'published' } : { number: 0, status: 'draft' };
  if (signed && pengesahan?.precision === 'day') revision.publishedAt = pengesahan.iso!;
  // Schema v2: a document that names no unit or has no number has no such row (v1 wrote "").
  if (identity.unit === '') delete identity.unit;
  if (identity.number === '') delete identity.number;

  // ---------------------------------------------------------------- assemble
  const doc: SopDocument = {
    $schema: '../schemas/sop.schema.json',
    schemaVersion: 2,
    id: t.id,
    identity,
    ...(headerBlocks ? { headerBlocks } : {}),
    ...(columns ? { columns } : {}),
    actors,
    flows,
    ...(o.caseFields && o.caseFields.length > 0 ? { caseFields: [...o.caseFields] } : {}),
    revision,
  };
  if (o.signature) {
    const s = o.signature;
    const signature: SignatureBlock = { place: s.place, date: toSopDate(s.date), position: s.position, name: s.name };
    if (s.rank) signature.rank = s.rank;
    if (s.nip) signature.nip = s.nip;
    doc.signature = signature;
    if (t.dates.signatureBlock) note(`Signature block: the transcription reads ${quoted(t.dates.signatureBlock)}. ${s.why}`);
  }
  if (o.docNotes && o.docNotes.length > 0) doc.notes = [...o.docNotes];
  if (t.stub) {
    doc.completeness = { status: 'incomplete', reason: o.incompleteReason ?? 'The source holds only the title.' };
  }
  notes.push(...(o.notes ?? []));
  doc.source = {
    reference: `seeds/transcribed/${t.id}.json`,
    lines: t.sourceLines,
    ...(t.duplicateOf ? { duplicateOf: t.duplicateOf } : {}),
    notes: [`Source text: seeds/text/${t.id}.txt (lines ${t.sourceLines} of ${t.source}).`, ...notes],
    uncertain: [...t.uncertain],
  };
  doc.identity = reorderIdentity(identity);
  // Key order of the written file: source after revision, as a reader expects.
  return reorder(doc);
}

type Take = (label: string, transcribed: string, fix: Fix | undefined) => string;

function buildColumns(t: Transcription, take: Take): Columns {
  const columns: Columns = {};
  let rest = [...t.tableColumnsRaw];
  if (/^no\.?$/i.test(rest[0]!.trim())) {
    columns.no = { label: rest[0]! };
    rest = rest.slice(1);
  }
  columns.kegiatan = { label: rest[0]! };
  for (const cell of rest.slice(1)) {
    const group = /^([^:]+):/.exec(cell);
    if (!group) continue;
    const label = group[1]!.trim();
    if (/pelaksana/i.test(label)) columns.pelaksana = { label };
    else if (/mutu baku/i.test(label)) columns.mutuBaku = { label };
  }
  for (const label of t.mutuBakuColumns) {
    if (/waktu/i.test(label)) columns.waktu = { label };
    else if (/output/i.test(label)) columns.output = { label };
    else columns.kelengkapan = { label };
  }
  const keterangan = t.extraColumns[0];
  if (keterangan !== undefined) columns.keterangan = { label: keterangan };
  if (t.totalLabel !== undefined) columns.total = { label: take('Total row label', t.totalLabel, undefined) };
  return columns;
}

function normalizeNo(no: string): string {
  return no.trim().replace(/[.\s|]+$/, '');
}

function buildFlow(
  t: Transcription,
  o: SeedOverride,
  deps: ConvertDeps,
  laneIds: Map<string, string>,
  take: Take,
): Flow {
  const stepId = (seq: number): string => `s${seq}`;
  const bySeq = new Map(t.steps.map((s) => [s.seq, s]));
  const externalIds = new Set<string>();

  const steps: Step[] = t.steps.map((ts) => buildStep(t, ts, o, deps, laneIds, externalIds, take));

  // ------------------------------------------------------------------ edges
  const edges: Edge[] = [];
  const addEdge = (edge: { from: string; to: string; label?: string; note?: string }): void => {
    edges.push({ id: `e${edges.length + 1}`, ...edge });
  };
  const resolveTarget = (from: TranscribedStep, to: string): TranscribedStep => {
    const m = /^(?:back to )?(.+)$/.exec(to.trim());
    const target = m![1]!;
    if (target === 'end') {
      const end = t.steps.find((s) => s.seq > from.seq && s.kind === 'end') ?? t.steps.find((s) => s.kind === 'end');
      if (!end) throw new Error(`${t.id}: branch to "end" but no end step`);
      return end;
    }
    const found = t.steps.find((s) => s.no !== null && normalizeNo(s.no) === normalizeNo(target));
    if (!found) throw new Error(`${t.id}: step ${from.seq}: branch target ${quoted(to)} not found`);
    return found;
  };

  t.steps.forEach((ts, i) => {
    const kind = steps[i]!.kind;
    if (kind === 'end') return;
    if (kind === 'decision') {
      for (const b of ts.branches) {
        const override = o.branches?.[`${ts.seq}:${b.label}`];
        const edgeNotes: string[] = [];
        if (b.note) edgeNotes.push(`Transcription: ${b.note}.`);
        let target: TranscribedStep;
        if (override) {
          const found = bySeq.get(override.toSeq);
          if (!found) throw new Error(`${t.id}: branch override to missing seq ${override.toSeq}`);
          target = found;
          edgeNotes.push(
            b.to === null
              ? `The source does not say where ${quoted(b.label)} leads; we route it to ${stepId(found.seq)}. ${override.why}`
              : `The transcription says ${quoted(b.to)}; we route it to ${stepId(found.seq)}. ${override.why}`,
          );
        } else {
          if (b.to === null) throw new Error(`${t.id}: step ${ts.seq}: branch ${quoted(b.label)} has no target; add a branch override`);
          target = resolveTarget(ts, b.to);
        }
        addEdge({ from: stepId(ts.seq), to: stepId(target.seq), label: b.label, ...(edgeNotes.length ? { note: edgeNotes.join(' ') } : {}) });
      }
      return;
    }
    const next = t.steps[i + 1];
    if (!next) throw new Error(`${t.id}: last step ${ts.seq} is not an end step`);
    addEdge({ from: stepId(ts.seq), to: stepId(next.seq) });
  });

  for (const key of Object.keys(o.branches ?? {})) {
    const [seq, label] = [Number(key.split(':')[0]), key.slice(key.indexOf(':') + 1)];
    if (!bySeq.get(seq)?.branches.some((b) => b.label === label)) throw new Error(`${t.id}: branch override ${key} matches no branch`);
  }

  // A row's condition that a decision leads to names that decision's branch; others are asked of the clerk.
  const decisionIds = new Set(steps.filter((s) => s.kind === 'decision').map((s) => s.id));
  for (const step of steps) {
    if (step.condition && edges.some((e) => e.to === step.id && decisionIds.has(e.from))) step.condition = { ...step.condition, asked: false };
  }
  const flow: Flow = { id: 'main', lanes: t.lanes.map((l) => laneIds.get(l)!), steps, edges };
  const title = o.flowTitle ? take('Flow title', t.flowTitle ?? t.tableHeading ?? '', o.flowTitle) : (t.flowTitle ?? t.tableHeading);
  const ordered: Flow = { id: flow.id, ...(title ? { title } : {}), lanes: flow.lanes } as Flow;
  if (externalIds.size > 0) {
    ordered.externalActors = (o.externalActors ?? []).map((e) => e.id).filter((id) => externalIds.has(id));
  }
  if (t.sections && t.sections.length > 0) {
    ordered.sections = t.sections.map((s, k) => {
      const target = t.steps.find((ts) => ts.no !== null && normalizeNo(ts.no) === normalizeNo(s.beforeStep));
      if (!target) throw new Error(`${t.id}: section before missing step ${s.beforeStep}`);
      return { id: `sec${k + 1}`, title: s.title, beforeStep: stepId(target.seq) };
    });
  }
  ordered.steps = steps;
  ordered.edges = edges;
  if (t.totalDurationRaw !== null) {
    ordered.statedTotal = { raw: t.totalDurationRaw };
    if (t.totalLabel !== undefined) ordered.statedTotal.label = splitRemark(t.totalLabel).value;
  }
  return ordered;
}

function buildStep(
  t: Transcription,
  ts: TranscribedStep,
  o: SeedOverride,
  deps: ConvertDeps,
  laneIds: Map<string, string>,
  externalIds: Set<string>,
  take: Take,
): Step {
  const so = o.steps?.[ts.seq] ?? {};
  const id = `s${ts.seq}`;
  const stepNotes: string[] = [];
  const fixNote = (what: string, transcribed: string, fix: Fix): void => {
    if (fix.value !== transcribed) stepNotes.push(`${what}: the transcription reads ${quoted(transcribed)}. ${fix.why}`);
  };

  const text = so.text ? so.text.value : restoreLists(ts.text);
  if (so.text) fixNote('Text', ts.text, so.text);

  const step: Step = { id, kind: ts.kind, text, actors: [] };
  // Every SOP in the seeds ends its cases as done; a rejecting end is the drafter's call.
  if (ts.kind === 'end') step.outcome = 'selesai';
  if (ts.no !== null) step.number = ts.no;

  // Symbol text: the label that survived inside a flowchart shape. A laneCellText
  // that describes cells ("'YA ' in … cell") is the transcriber's description, not symbol text.
  if (so.symbolText) {
    step.symbolText = so.symbolText.value;
    fixNote('Symbol text', ts.laneCellText ?? '', so.symbolText);
  } else if (ts.laneCellText !== undefined) {
    if (/^'/.test(ts.laneCellText)) {
      stepNotes.push(`Lane cells: ${ts.laneCellText} (not symbol text).`);
    } else {
      const { value, remark } = splitRemark(ts.laneCellText);
      step.symbolText = value;
      if (remark) stepNotes.push(`Symbol text: transcriber's remark: ${remark}.`);
    }
  }

  // Actors: every lane performs, unless the override spells out roles.
  const laneActor = (label: string): string => {
    const actorId = laneIds.get(label);
    if (!actorId) throw new Error(`${t.id}: step ${ts.seq}: lane ${quoted(label)} is not a lane of the table`);
    return actorId;
  };
  const externals = new Map((o.externalActors ?? []).map((e) => [e.id, e]));
  let actors: StepActor[];
  if (so.actors) {
    actors = so.actors.map(([actor, role, alternative]) => {
      if (!externals.has(actor) && ![...laneIds.values()].includes(actor)) throw new Error(`${t.id}: step ${ts.seq}: unknown actor ${actor}`);
      if (externals.has(actor)) externalIds.add(actor);
      return alternative ? { actor, role, alternative: true } : { actor, role };
    });
  } else {
    actors = ts.lanes.map((label) => ({ actor: laneActor(label), role: 'performs' as const }));
  }
  step.actors = actors;
  if (so.actorsWhy) stepNotes.push(so.actorsWhy);

  // Parties: the transcription's external actors that are not actors of this step.
  const usedMatches = new Set(actors.flatMap((a) => externals.get(a.actor)?.matches ?? []));
  const parties = ts.externalActors.filter((p) => !usedMatches.has(p));
  if (parties.length > 0) step.parties = parties;

  if (ts.requirements.length > 0) {
    const markers: string[] = [];
    step.requirements = ts.requirements.map((r, k): Requirement => {
      const replaced = so.requirements?.[k];
      const { text: cleaned, marker } = stripItemMarker(replaced ?? r);
      if (marker && !replaced) markers.push(marker);
      return { id: `${id}-r${k + 1}`, text: cleaned, mustCheck: true };
    });
    if (markers.length > 0) stepNotes.push(`Requirements: the list markers ${markers.map(quoted).join(', ')} are dropped from the items.`);
    if (so.requirementsWhy) stepNotes.push(so.requirementsWhy);
  }

  step.waktu = { raw: ts.durationRaw, parsed: deps.parseWaktu(ts.durationRaw) };

  const output = so.output ? so.output.value : squash(ts.output);
  if (so.output) fixNote('Output', ts.output, so.output);
  if (output !== '') step.output = output;

  const transcriptionNote = so.transcriptionNote ?? ts.note;
  let remarks = so.remarks;
  let noteFromTranscription: string | null = transcriptionNote;
  if (remarks === undefined && ts.note && so.transcriptionNote === undefined) {
    const k = /^Keterangan\s*:\s*(.*)$/s.exec(ts.note);
    if (k) {
      remarks = restoreLists(k[1]!);
      noteFromTranscription = null;
    }
  }
  if (remarks !== undefined) step.remarks = remarks;
  // `asked` is settled in buildFlow, once the edges say whether a decision leads to this row.
  if (so.condition) step.condition = { text: so.condition, asked: true };

  if (ts.noRaw) {
    const { value, remark } = splitRemark(ts.noRaw);
    if (value === '') stepNotes.push(`Number cell: ${remark}.`);
    else stepNotes.push(`The number is written ${quoted(value)} in the source${remark ? ` (${remark})` : ''}.`);
  }
  if (!ts.lanesEvidence.startsWith('inferred') && !ts.lanesEvidence.startsWith('observed')) stepNotes.push(`Lanes: ${ts.lanesEvidence}.`);
  const allNotes = [
    ...(noteFromTranscription ? [noteFromTranscription] : []),
    ...(ts.uncertain ? [`Uncertain: ${ts.uncertain}`] : []),
    ...stepNotes,
    ...(so.note ? [so.note] : []),
  ];
  if (allNotes.length > 0) step.note = allNotes.join(' ');
  return reorderStep(step);
}

function reorderStep(step: Step): Step {
  const order: (keyof Step)[] = [
    'id',
    'number',
    'kind',
    'outcome',
    'text',
    'symbolText',
    'actors',
    'parties',
    'requirements',
    'waktu',
    'output',
    'remarks',
    'condition',
    'note',
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) if (step[key] !== undefined) out[key] = step[key];
  return out as unknown as Step;
}

function reorderIdentity(identity: Identity): Identity {
  const order: (keyof Identity)[] = [
    'government',
    'office',
    'unit',
    'address',
    'title',
    'indexTitle',
    'titleVariants',
    'number',
    'dates',
    'approver',
    'attachmentOf',
    'labels',
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) if (identity[key] !== undefined) out[key] = identity[key];
  return out as unknown as Identity;
}

/** Writes keys in reading order: identity first, source last. */
function reorder(doc: SopDocument): SopDocument {
  const order: (keyof SopDocument)[] = [
    '$schema',
    'schemaVersion',
    'id',
    'identity',
    'headerBlocks',
    'columns',
    'actors',
    'flows',
    'caseFields',
    'signature',
    'notes',
    'revision',
    'completeness',
    'source',
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) if (doc[key] !== undefined) out[key] = doc[key];
  return out as unknown as SopDocument;
}
