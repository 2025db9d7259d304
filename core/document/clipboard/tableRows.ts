/**
 * Rows of a table copied from Excel or Word → the steps clipboard. The usual
 * column order is No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output |
 * Keterangan; a header row, when there is one, says which column is which
 * (any order, Indonesian or English, agency variants such as Uraian, Aktivitas,
 * Persyaratan, Alat, Ket).
 */
import type { Actor, Edge, Step, StepActor } from '../../../schemas/generated/sop.types';
import { parseWaktu } from '../../waktu';
import { guessActorKind, normalizeLabel } from '../actorKind';
import { toLocalId } from '../ids';
import { CLIPBOARD_TYPE, CLIPBOARD_VERSION, type ClipboardActor, type StepsClipboard } from './payload';

export type TableColumn = 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

export const DEFAULT_COLUMN_ORDER: readonly TableColumn[] = ['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output', 'keterangan'];

/** Header words per column, after normalizeHeader. `no` must match exactly: "no" is a common word. */
const HEADER_WORDS: Readonly<Record<TableColumn, readonly string[]>> = {
  no: ['no', 'nomor', 'no urut', 'nomor urut', 'number', 'nr'],
  kegiatan: ['kegiatan', 'uraian', 'aktivitas', 'aktifitas', 'prosedur', 'langkah', 'tahapan', 'activity', 'activities', 'step', 'steps', 'task', 'description'],
  pelaksana: ['pelaksana', 'pelaku', 'penanggung jawab', 'pic', 'actor', 'actors', 'performer', 'performed by', 'responsible', 'who'],
  kelengkapan: ['kelengkapan', 'persyaratan', 'syarat', 'alat', 'perlengkapan', 'dokumen', 'berkas', 'requirement', 'requirements', 'input', 'inputs', 'equipment'],
  waktu: ['waktu', 'time', 'duration', 'durasi', 'lama'],
  output: ['output', 'keluaran', 'hasil', 'result'],
  keterangan: ['keterangan', 'ket', 'catatan', 'remarks', 'remark', 'notes', 'note'],
};

const MAX_HEADER_CELL = 60;

function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function classifyHeader(text: string): TableColumn | undefined {
  const words = normalizeHeader(text);
  if (words === '' || text.length > MAX_HEADER_CELL) return undefined;
  if (HEADER_WORDS.no.includes(words)) return 'no';
  for (const column of DEFAULT_COLUMN_ORDER) {
    if (column === 'no') continue;
    if (HEADER_WORDS[column].some((w) => ` ${words} `.includes(` ${w} `))) return column;
  }
  return undefined;
}

/** A header row: short cells, at least `min` of them recognised, and most non-empty cells recognised. */
function looksLikeHeader(row: readonly string[], min: number): boolean {
  const filled = row.filter((c) => c.trim() !== '');
  if (filled.length === 0 || filled.some((c) => c.length > MAX_HEADER_CELL)) return false;
  const recognised = new Set(filled.map(classifyHeader).filter((c) => c !== undefined));
  return recognised.size >= min && recognised.size * 2 >= filled.length;
}

interface ColumnMap {
  byIndex: Map<number, TableColumn>;
  /** Pelaksana drawn as one column per actor (the Permenpan layout): column → actor label. */
  actorColumns: Map<number, string>;
  headerRows: number;
}

const NUMBER_LIKE = /^\s*\d{1,4}\s*[.)]?\s*$/;

function mapColumns(rows: readonly string[][]): ColumnMap {
  const first = rows[0] ?? [];
  if (!looksLikeHeader(first, 2)) {
    // No header: the usual order, or from Kegiatan on when the first column holds no numbers.
    const firstColumnNumbers = rows.every((r) => (r[0] ?? '').trim() === '' || NUMBER_LIKE.test(r[0]!));
    const order = firstColumnNumbers ? DEFAULT_COLUMN_ORDER : DEFAULT_COLUMN_ORDER.slice(1);
    return { byIndex: new Map(order.map((c, i) => [i, c])), actorColumns: new Map(), headerRows: 0 };
  }
  const byIndex = new Map<number, TableColumn>();
  first.forEach((cell, i) => {
    const column = classifyHeader(cell);
    if (column !== undefined && ![...byIndex.values()].includes(column)) byIndex.set(i, column);
  });
  const actorColumns = new Map<number, string>();
  const second = rows[1];
  let headerRows = 1;
  if (second && !NUMBER_LIKE.test(second[0] ?? '') && second.every((c) => c.length <= MAX_HEADER_CELL) && second.some((c) => c.trim() !== '')) {
    const pelaksanaAt = [...byIndex].find(([, c]) => c === 'pelaksana')?.[0];
    const subColumns = second.map(classifyHeader);
    const isSubHeader = subColumns.some((c) => c !== undefined) || pelaksanaAt !== undefined;
    if (isSubHeader && looksLikeSubHeader(second, first, pelaksanaAt)) {
      headerRows = 2;
      second.forEach((cell, i) => {
        const column = subColumns[i];
        if (column !== undefined && column !== 'pelaksana') byIndex.set(i, column);
        else if (pelaksanaAt !== undefined && i >= pelaksanaAt && cell.trim() !== '' && column === undefined && underPelaksana(first, i, pelaksanaAt)) {
          actorColumns.set(i, cell.trim());
        }
      });
      if (actorColumns.size > 0) byIndex.delete(pelaksanaAt!);
    }
  }
  return { byIndex, actorColumns, headerRows };
}

/** A second header row: the Mutu Baku sub-headers, or the actor names under a spanning "Pelaksana". */
function looksLikeSubHeader(second: readonly string[], first: readonly string[], pelaksanaAt: number | undefined): boolean {
  if (second.some((c, i) => classifyHeader(c) !== undefined && (first[i] ?? '').trim() === '')) return true;
  // Actor names under "Pelaksana" only when it spans several columns (merged cells leave the next top cells empty).
  const spans = pelaksanaAt !== undefined && first.length > pelaksanaAt + 1 && (first[pelaksanaAt + 1] ?? '').trim() === '';
  return spans && second.some((c, i) => c.trim() !== '' && underPelaksana(first, i, pelaksanaAt));
}

/** Columns after "Pelaksana" whose top cell is empty belong to its merged (spanning) cell. */
function underPelaksana(first: readonly string[], column: number, pelaksanaAt: number): boolean {
  if (column < pelaksanaAt) return false;
  for (let i = pelaksanaAt + 1; i <= column; i++) if ((first[i] ?? '').trim() !== '') return false;
  return true;
}

export interface TableReading {
  content: StepsClipboard;
  headerRows: number;
  /** Rows not turned into steps (blank rows, the "Jumlah waktu" row), 0-based. */
  skippedRows: number[];
  /** The total row's Waktu, when the table has one (for statedTotal.set). */
  statedTotal?: { raw: string; label: string };
}

export interface TableOptions {
  /** Actors of the document pasted into: their labels are kept whole ("Desa / Kelurahan"). */
  knownActors?: readonly Actor[];
}

/** Table rows → steps chained in row order, with the actors named in Pelaksana. */
export function tableToClipboard(rows: readonly string[][], options: TableOptions = {}): TableReading {
  const map = mapColumns(rows);
  const known = new Set((options.knownActors ?? []).map((a) => normalizeLabel(a.label)));
  const actors = new Map<string, ClipboardActor>(); // normalized label -> actor
  const actorFor = (label: string): string => {
    const key = normalizeLabel(label);
    let actor = actors.get(key);
    if (!actor) {
      const taken = new Set([...actors.values()].map((a) => a.id));
      const base = toLocalId(label) ?? 'pelaksana';
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 58)}-${n}`;
      actor = { id, label: label.slice(0, 2000), kind: guessActorKind(label), lane: true };
      actors.set(key, actor);
    }
    return actor.id;
  };
  const steps: Step[] = [];
  const skippedRows: number[] = [];
  let statedTotal: TableReading['statedTotal'];
  rows.forEach((row, r) => {
    if (r < map.headerRows) return;
    const cell = (column: TableColumn): string => {
      for (const [i, c] of map.byIndex) if (c === column) return (row[i] ?? '').trim();
      return '';
    };
    if (row.every((c) => c.trim() === '')) return void skippedRows.push(r);
    const totalLabel = [cell('no'), cell('kegiatan')].find((t) => /^(jumlah|total)\b/i.test(t));
    if (totalLabel !== undefined) {
      statedTotal = { raw: cell('waktu'), label: totalLabel };
      return void skippedRows.push(r);
    }
    const actorLabels: { label: string; alternative: boolean }[] = [];
    for (const [i, label] of map.actorColumns) if ((row[i] ?? '').trim() !== '') actorLabels.push({ label, alternative: false });
    actorLabels.push(...splitActors(cell('pelaksana'), known));
    const stepActors: StepActor[] = actorLabels.map(({ label, alternative }) => ({
      actor: actorFor(label),
      role: 'performs',
      ...(alternative ? { alternative: true } : {}),
    }));
    const id = `p${steps.length + 1}`;
    const requirements = splitListItems(cell('kelengkapan')).map((text, k) => ({ id: `${id}-r${k + 1}`, text }));
    const waktu = cell('waktu');
    const optional = (key: string, value: string) => (value !== '' ? { [key]: value } : {});
    steps.push({
      id,
      ...optional('number', cell('no').slice(0, 20)),
      kind: 'process',
      text: cell('kegiatan'),
      actors: dedupeActors(stepActors),
      ...(requirements.length > 0 ? { requirements } : {}),
      waktu: { raw: waktu, parsed: parseWaktu(waktu) },
      ...optional('output', cell('output')),
      ...optional('remarks', cell('keterangan')),
    });
  });
  const edges: Edge[] = steps.slice(1).map((step, i) => ({ id: `pe${i + 1}`, from: steps[i]!.id, to: step.id }));
  return {
    content: { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, origin: 'table', actors: [...actors.values()], steps, edges },
    headerRows: map.headerRows,
    skippedRows,
    ...(statedTotal ? { statedTotal } : {}),
  };
}

function dedupeActors(actors: StepActor[]): StepActor[] {
  const seen = new Set<string>();
  return actors.filter((a) => !seen.has(a.actor) && (seen.add(a.actor), true));
}

/**
 * "Kasi, Kabid" → Kasi then Kabid; "Kasi / Kabid" → Kasi or Kabid (either/or).
 * A slash without spaces ("Desa/Kelurahan") is part of one name, and a label
 * the document already uses is never split.
 */
export function splitActors(cell: string, known: ReadonlySet<string> = new Set()): { label: string; alternative: boolean }[] {
  const out: { label: string; alternative: boolean }[] = [];
  for (const piece of cell.split(/\n|,|;|\s+dan\s+|\s+&\s+|\s*\+\s*|\s*(?:->|→)\s*/i)) {
    const name = piece.trim();
    if (name === '') continue;
    if (known.has(normalizeLabel(name))) {
      out.push({ label: name, alternative: false });
      continue;
    }
    name.split(/\s+\/\s+/).forEach((part, i) => {
      const label = part.trim();
      if (label !== '') out.push({ label, alternative: i > 0 });
    });
  }
  return out;
}

const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•*·–])\s+/;

/**
 * One requirement per line; a numbered list written on one line
 * ("1. KTP 2. KK 3. Rujukan") is split at its successive numbers. List markers
 * are dropped: the requirement list is already a list.
 */
export function splitListItems(cell: string): string[] {
  const items: string[] = [];
  for (const line of cell.split('\n')) {
    for (const item of splitInlineNumbers(line)) {
      const text = item.replace(LIST_MARKER, '').trim();
      if (text !== '') items.push(text.slice(0, 20000));
    }
  }
  return items;
}

function splitInlineNumbers(line: string): string[] {
  const first = /^\s*(\d{1,2})([.)])\s/.exec(line);
  if (!first) return [line];
  const parts: string[] = [];
  let rest = line;
  for (let n = Number(first[1]) + 1; ; n++) {
    const at = rest.search(new RegExp(`\\s${n}\\${first[2]}\\s`));
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}
