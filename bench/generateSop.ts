import type { Edge, SopDocument, Step } from '../schemas/generated/sop.types';

export interface GeneratedSopOptions {
  steps: number;
  lanes: number;
  /** Every n-th step is a decision whose "Tidak" branch loops back two steps. */
  decisionEvery?: number;
}

const waktuCycle = ['5 menit', '10 Menit', '15menit', '2-3 Jam', '1 hari', '2 hari kerja', '', 'Setiap Tanggal 1 - 15', '30 menit', '3jam'];

/**
 * A large but realistic SOP: steps walk across the lanes, with decisions that
 * loop back, multi-actor hand-offs, requirements and every kind of Waktu.
 * Deterministic, so benchmark runs compare like with like.
 */
export function generateSop({ steps: stepCount, lanes: laneCount, decisionEvery = 7 }: GeneratedSopOptions): SopDocument {
  const actors = Array.from({ length: laneCount }, (_, i) => ({
    id: `actor${i + 1}`,
    label: `Pelaksana ${i + 1}`,
    kind: (i === 0 ? 'citizen' : 'role') as 'citizen' | 'role',
  }));
  const steps: Step[] = [];
  const edges: Edge[] = [];
  for (let i = 0; i < stepCount; i++) {
    const id = `s${i + 1}`;
    const isLast = i === stepCount - 1;
    const kind: Step['kind'] = i === 0 ? 'start' : isLast ? 'end' : i % decisionEvery === 0 && i >= 2 ? 'decision' : 'process';
    const lane = actors[i % laneCount]!.id;
    const nextLane = actors[(i + 1) % laneCount]!.id;
    steps.push({
      id,
      number: String(i + 1),
      kind,
      ...(kind === 'end' ? { outcome: 'selesai' as const } : {}),
      text: `Langkah ${i + 1}: petugas memeriksa berkas permohonan dan mencatat hasilnya di buku register.`,
      actors: i % 5 === 4
        ? [{ actor: lane, role: 'performs' }, { actor: nextLane, role: 'receives' }]
        : [{ actor: lane, role: 'performs' }],
      requirements: i % 3 === 0 ? [{ id: `${id}-r1`, text: 'KTP', mustCheck: true }, { id: `${id}-r2`, text: 'Kartu Keluarga' }] : [],
      waktu: { raw: waktuCycle[i % waktuCycle.length]! },
      output: i % 4 === 0 ? 'Berkas terverifikasi' : '',
    });
    if (isLast) continue;
    if (kind === 'decision') {
      edges.push({ id: `e${i + 1}y`, from: id, to: `s${i + 2}`, label: 'Ya' });
      edges.push({ id: `e${i + 1}t`, from: id, to: `s${i - 1}`, label: 'Tidak' });
    } else {
      edges.push({ id: `e${i + 1}`, from: id, to: `s${i + 2}` });
    }
  }
  return {
    schemaVersion: 2,
    id: `generated-${stepCount}-steps`,
    identity: {
      government: 'Pemerintah Kabupaten Contoh',
      office: 'Dinas Sosial',
      unit: 'Bidang Uji',
      title: `SOP buatan dengan ${stepCount} langkah`,
      number: '000/000/2024',
      dates: { pembuatan: { raw: '1 Januari 2024', iso: '2024-01-01', precision: 'day' } },
    },
    actors,
    flows: [{ id: 'main', lanes: actors.map((a) => a.id), steps, edges }],
    revision: { number: 0, status: 'draft' },
  };
}
