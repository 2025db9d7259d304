import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { htmlTableToRows } from '../clipboard/htmlTable';
import { parseClipboard } from '../clipboard/parseClipboard';
import { buildClipboard, copySteps, stepsToHtml, stepsToTsv, type StepsClipboard } from '../clipboard/payload';
import { splitActors, splitListItems } from '../clipboard/tableRows';
import { parseTsv } from '../clipboard/tsv';
import { command } from '../commands/registry';
import { mainFlow, newErrors, run, sample } from './support';

function parsed(input: Parameters<typeof parseClipboard>[0], options?: Parameters<typeof parseClipboard>[1]): StepsClipboard {
  const result = parseClipboard(input, options);
  if (!result.ok) throw new Error(result.reason.en);
  return result.content;
}

function paste(doc: SopDocument, content: StepsClipboard, afterStepId: string) {
  return run(doc, command('steps.paste', { flowId: mainFlow(doc).id, afterStepId, content }));
}

const threeRows = [
  '5\tPemohon menyerahkan berkas ke Front Office\tPemohon\t1. KTP 2. KK 3. Surat pengantar desa\t15 menit\tBerkas diterima\t',
  '6\tKasi memeriksa, Kabid memaraf\tKasi, Kabid\t"- Berkas lengkap\n- Formulir"\t2-3 Jam\tBerkas diparaf\tDiparaf berurutan',
  '7\tKepala / Sekretaris Dinas menandatangani\tKepala Dinas / Sekretaris Dinas\t\t1 hari kerja\tSurat rekomendasi\t',
].join('\r\n');

describe('pasting three tab-separated rows from Excel', () => {
  const doc = sample('kra-pbi-jk-pbpu');
  const content = parsed(threeRows, { knownActors: doc.actors });
  const result = paste(doc, content, 's3');
  const flow = mainFlow(result.doc);
  const pasted = flow.steps.slice(3, 6);

  it('creates three steps after the anchor, chained into the flow', () => {
    expect(flow.steps.length).toBe(mainFlow(doc).steps.length + 3);
    expect(pasted.map((s) => [s.number, s.kind, s.text])).toEqual([
      ['5', 'process', 'Pemohon menyerahkan berkas ke Front Office'],
      ['6', 'process', 'Kasi memeriksa, Kabid memaraf'],
      ['7', 'process', 'Kepala / Sekretaris Dinas menandatangani'],
    ]);
    const next = (id: string) => flow.edges.filter((e) => e.from === id).map((e) => e.to);
    expect(next('s3')).toEqual([pasted[0]!.id]);
    expect(next(pasted[0]!.id)).toEqual([pasted[1]!.id]);
    expect(next(pasted[1]!.id)).toEqual([pasted[2]!.id]);
    expect(next(pasted[2]!.id)).toEqual(['s4']);
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('reads Pelaksana into actors: the document’s own ones by label, new ones as lanes, "/" as either/or', () => {
    expect(pasted[1]!.actors).toEqual([{ actor: 'kasi', role: 'performs' }, { actor: 'kabid', role: 'performs' }]);
    const label = (id: string) => result.doc.actors.find((a) => a.id === id)!.label;
    expect(pasted[0]!.actors.map((a) => label(a.actor))).toEqual(['Pemohon']);
    expect(pasted[2]!.actors.map((a) => [label(a.actor), a.alternative ?? false])).toEqual([['Kepala Dinas', false], ['Sekretaris Dinas', true]]);
    expect(result.message?.en).toBe('New actors: Pemohon, Kepala Dinas, Sekretaris Dinas. New lanes: Pemohon, Kepala Dinas, Sekretaris Dinas.');
    expect(result.doc.actors.find((a) => a.label === 'Pemohon')!.kind).toBe('citizen');
  });

  it('splits Kelengkapan lists into requirements and parses Waktu', () => {
    expect(pasted[0]!.requirements!.map((r) => r.text)).toEqual(['KTP', 'KK', 'Surat pengantar desa']);
    expect(pasted[1]!.requirements!.map((r) => r.text)).toEqual(['Berkas lengkap', 'Formulir']);
    expect(pasted[2]!.requirements).toBeUndefined();
    expect(pasted.map((s) => s.waktu)).toEqual([
      { raw: '15 menit', parsed: { kind: 'amount', unit: 'minute', min: 15, max: 15 } },
      { raw: '2-3 Jam', parsed: { kind: 'amount', unit: 'hour', min: 2, max: 3 } },
      { raw: '1 hari kerja', parsed: { kind: 'amount', unit: 'workingDay', min: 1, max: 1 } },
    ]);
    expect(pasted[1]!.output).toBe('Berkas diparaf');
    expect(pasted[1]!.remarks).toBe('Diparaf berurutan');
    expect(pasted[0]!.remarks).toBeUndefined();
  });

  it('is one undo step that restores the document exactly', () => {
    expect(JSON.stringify(result.doc.flows[0]!.steps.length)).toBe('11');
    expect(JSON.stringify(run(result.doc, { id: 'document.replace', params: { document: doc } }).doc)).toBe(JSON.stringify(doc));
  });
});

describe('table headers', () => {
  it('maps columns by a header row in any order, with agency and English variants, and skips it', () => {
    const text = 'Ket.\tUraian Prosedur\tWaktu\tPersyaratan\tPelaksana\tNo.\n-\tVerifikasi berkas\t10 Menit\tKTP\tKasi\t1\nlihat SK\tPenerbitan surat\t1 hari\tAlat tulis\tKadis\t2';
    const result = parseClipboard(text);
    expect(result).toMatchObject({ ok: true, format: 'tsv', headerRows: 1 });
    const steps = parsed(text).steps;
    expect(steps.map((s) => [s.number, s.text, s.waktu?.raw, s.requirements?.[0]?.text, s.remarks])).toEqual([
      ['1', 'Verifikasi berkas', '10 Menit', 'KTP', '-'],
      ['2', 'Penerbitan surat', '1 hari', 'Alat tulis', 'lihat SK'],
    ]);
    const english = parsed('Step\tActor\tTime\tRequirements\tOutput\nCheck documents\tClerk\t5 menit\tID card\tChecked').steps[0]!;
    expect([english.text, english.waktu?.raw, english.requirements?.[0]?.text, english.output]).toEqual(['Check documents', '5 menit', 'ID card', 'Checked']);
  });

  it('reads the Permenpan two-row header with one Pelaksana column per actor', () => {
    const rows = [
      ['No', 'Kegiatan', 'Pelaksana', '', '', 'Mutu Baku', '', '', 'Keterangan'],
      ['', '', 'Staf', 'Kasi', 'Kadis', 'Kelengkapan', 'Waktu', 'Output', ''],
      ['1', 'Menerima berkas', 'x', '', '', 'KTP', '5 menit', 'Berkas', ''],
      ['2', 'Memeriksa dan memaraf', '', '✓', '✓', '', '10 menit', 'Paraf', 'cepat'],
    ];
    const result = parseClipboard({ rows });
    expect(result).toMatchObject({ ok: true, format: 'rows', headerRows: 2 });
    const content = parsed({ rows });
    const label = (id: string) => content.actors.find((a) => a.id === id)!.label;
    expect(content.steps.map((s) => s.actors.map((a) => label(a.actor)))).toEqual([['Staf'], ['Kasi', 'Kadis']]);
    expect(content.steps.map((s) => [s.text, s.waktu?.raw, s.output, s.remarks])).toEqual([
      ['Menerima berkas', '5 menit', 'Berkas', undefined],
      ['Memeriksa dan memaraf', '10 menit', 'Paraf', 'cepat'],
    ]);
  });

  it('without a header, takes the usual order, or starts at Kegiatan when the first column holds no numbers', () => {
    expect(parsed('1\tA\tKasi').steps[0]).toMatchObject({ number: '1', text: 'A' });
    expect(parsed('Menerima berkas\tStaf\tKTP\t5 menit').steps[0]).toMatchObject({ text: 'Menerima berkas', waktu: { raw: '5 menit' } });
  });

  it('skips blank rows and the total row, reporting the stated total', () => {
    const result = parseClipboard('1\tA\tKasi\t\t5 menit\n\t\t\n\tJumlah Waktu\t\t\t4 Jam 10 Menit');
    expect(result).toMatchObject({ ok: true, skippedRows: [1, 2], statedTotal: { raw: '4 Jam 10 Menit', label: 'Jumlah Waktu' } });
  });
});

describe('HTML tables (Word, Excel)', () => {
  const html = `<html><head><style>td { mso-x: 1 }</style><script>alert(1)</script></head><body>
    <!--[if gte mso 9]><xml><o:x>junk</o:x></xml><![endif]-->
    <p>Before the table</p>
    <table border=1><tr><td><b>No</b></td><td>Uraian&nbsp;Kegiatan</td><td>Pelaksana</td><td>Kelengkapan</td><td>Waktu</td></tr>
    <tr><td>1</td><td><p class=MsoNormal>Menerima   berkas</p><p>dari &lt;pemohon&gt; &amp; desa</p></td><td>Staf<br>Kasi</td>
        <td><ol><li>KTP</li><li>KK</li></ol></td><td rowspan="2">1 hari</td></tr>
    <tr><td>2</td><td colspan=2 onclick="evil()">Arsip <script>steal()</script><img src=x onerror=alert(1)></td><td>Map</td></tr>
    </table><table><tr><td>second table</td></tr></table></body></html>`;

  it('reads the first table into rows, keeping merged cells aligned', () => {
    expect(htmlTableToRows(html)).toEqual([
      ['No', 'Uraian Kegiatan', 'Pelaksana', 'Kelengkapan', 'Waktu'],
      ['1', 'Menerima berkas\ndari <pemohon> & desa', 'Staf\nKasi', '1. KTP\n2. KK', '1 hari'],
      ['2', 'Arsip', '', 'Map', ''],
    ]);
  });

  it('turns the table into steps; markup and scripts never survive as anything but plain text', () => {
    const content = parsed({ html, text: 'ignored plain text' });
    expect(content.steps.map((s) => [s.text, s.actors.length, s.requirements?.map((r) => r.text)])).toEqual([
      ['Menerima berkas\ndari <pemohon> & desa', 2, ['KTP', 'KK']],
      ['Arsip', 0, ['Map']],
    ]);
    expect(JSON.stringify(content)).not.toMatch(/alert|steal|onerror|onclick|mso/);
    expect(parseClipboard(html)).toMatchObject({ ok: true, format: 'html' });
  });

  it('pastes an HTML table into a flow like tab-separated rows', () => {
    const doc = sample('oku-01-sktm');
    const result = paste(doc, parsed({ html }), 's2');
    expect(mainFlow(result.doc).steps.length).toBe(mainFlow(doc).steps.length + 2);
    expect(newErrors(doc, result.doc)).toEqual([]);
  });
});

describe('hostile and odd text stays plain text', () => {
  it('keeps markup typed in a spreadsheet cell as literal text', () => {
    const step = parsed('1\t<img src=x onerror=alert(1)>\t<b>Kasi</b>').steps[0]!;
    expect(step.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops control characters and refuses oversize pastes', () => {
    expect(parsed('1\tA\u0000B\u0007C').steps[0]!.text).toBe('ABC');
    expect(parseClipboard('x'.repeat(2_000_001))).toMatchObject({ ok: false });
    expect(parseClipboard('')).toMatchObject({ ok: false });
  });

  it('parses Excel quoting: quoted cells with tabs, line breaks and doubled quotes; stray quotes are text', () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"line1\nline2"\tx')).toEqual([['a\tb', 'say "hi"'], ['line1\nline2', 'x']]);
    expect(parseTsv('"Pemohon\tdatang')).toEqual([['"Pemohon', 'datang']]);
  });

  it('splits actors and list items the way agencies write them', () => {
    expect(splitActors('Desa/Kelurahan')).toEqual([{ label: 'Desa/Kelurahan', alternative: false }]);
    expect(splitActors('Kasi / Kabid')).toEqual([{ label: 'Kasi', alternative: false }, { label: 'Kabid', alternative: true }]);
    expect(splitActors('Petugas dan TKSK')).toEqual([{ label: 'Petugas', alternative: false }, { label: 'TKSK', alternative: false }]);
    expect(splitActors('Desa / Kelurahan', new Set(['desa/kelurahan']))).toEqual([{ label: 'Desa / Kelurahan', alternative: false }]);
    expect(splitListItems('a. KTP\nb) KK\n• Foto')).toEqual(['KTP', 'KK', 'Foto']);
    expect(splitListItems('1) KTP 2) KK')).toEqual(['KTP', 'KK']);
    expect(splitListItems('Rp 2. 000 tidak dipecah')).toEqual(['Rp 2. 000 tidak dipecah']);
  });
});

describe('copy and paste between SOPs', () => {
  it('round-trips steps from one sample into another, remapping ids, arrows and actors', () => {
    const source = sample('bwi-spm-online');
    const text = copySteps(source, 'main', ['s5', 's6', 's7', 's8'])!;
    const content = parsed(text);
    expect(content).toMatchObject({ type: 'sop-studio/steps', version: 2, origin: 'sop-studio', source: { documentId: 'bwi-spm-online', flowId: 'main' } });
    // Only arrows between copied steps travel: the loops back to s4 stay behind.
    expect(content.edges.map((e) => [e.from, e.to, e.label])).toEqual([
      ['s5', 's6', undefined],
      ['s6', 's7', 'memenuhi persyaratan'],
      ['s7', 's8', 'memenuhi segala persyaratan'],
    ]);

    const target = sample('oku-01-sktm');
    const result = paste(target, content, 's2');
    const flow = mainFlow(result.doc);
    const pasted = flow.steps.slice(2, 6);
    expect(pasted.map((s) => s.text)).toEqual(mainFlow(source).steps.slice(4, 8).map((s) => s.text));
    expect(pasted.map((s) => s.id)).toEqual(['s5', 's6', 's7', 's8'].map((_, i) => `s${mainFlow(target).steps.length + 1 + i}`));
    const ids = new Set(pasted.map((s) => s.id));
    const internal = flow.edges.filter((e) => ids.has(e.from) && ids.has(e.to ?? ''));
    expect(internal.map((e) => e.label)).toEqual([undefined, 'memenuhi persyaratan', 'memenuhi segala persyaratan']);
    // The decisions lost their "tidak" exits to s4; the paste gives each the exit it lacks.
    for (const decision of pasted.filter((s) => s.kind === 'decision')) {
      expect(flow.edges.filter((e) => e.from === decision.id).length).toBe(2);
    }
    // Actors travel with their labels; the target had none of them, so they become lanes.
    const laneLabels = flow.lanes.map((l) => result.doc.actors.find((a) => a.id === l)!.label.toLowerCase());
    const copied = new Set(mainFlow(source).steps.slice(4, 8).flatMap((s) => s.actors.map((a) => a.actor)));
    for (const actor of source.actors.filter((a) => copied.has(a.id))) expect(laneLabels).toContain(actor.label.toLowerCase());
    // "DINAS SOSIAL" is the target's own "Dinas Sosial": matched by label, not duplicated.
    expect(result.doc.actors.filter((a) => a.label.toLowerCase() === 'dinas sosial').length).toBe(1);
    expect(newErrors(target, result.doc)).toEqual([]);
  });

  it('pastes steps copied in an older SOP Studio (schema v1 steps) migrated: ends get an outcome, conditions their asked', () => {
    const source = sample('bwi-spm-online');
    const v2 = buildClipboard(source, 'main', ['s7', 's8', 's9', 's10'])!;
    // What a v1 build put on the clipboard: v1 steps (condition a string, no outcome) under payload version 1.
    const v1 = {
      ...v2,
      version: 1,
      steps: v2.steps.map(({ outcome: _outcome, condition, ...rest }) => ({ ...rest, ...(condition ? { condition: condition.text } : {}) })),
    };
    const content = parsed({ text: JSON.stringify(v1) });
    expect(content.version).toBe(2);
    const byId = new Map(content.steps.map((s) => [s.id, s]));
    expect(byId.get('s10')!.outcome).toBe('selesai');
    // s8 follows decision s7 in the copy too, so its condition explains that branch.
    expect(byId.get('s8')!.condition).toEqual({ text: mainFlow(source).steps[7]!.condition!.text, asked: false });
    const result = paste(sample('oku-01-sktm'), content, 's2');
    const pasted = mainFlow(result.doc).steps.slice(2, 6);
    expect(pasted.map((s) => [s.kind, s.outcome])).toEqual([['decision', undefined], ['process', undefined], ['process', undefined], ['end', 'selesai']]);
    expect(pasted[1]!.condition?.asked).toBe(false);
  });

  it('reuses the target’s actor with the same id and label, and keeps external actors external', () => {
    const source = sample('blt-sk-kip'); // s1: pemohon (external) and petugas-staf
    const target = sample('lmj-07-rekom-keringanan-biaya-rs'); // also has an external "pemohon"
    const content = buildClipboard(source, 'main', ['s1', 's3'])!;
    const result = paste(target, content, 's3');
    const before = mainFlow(target);
    const after = mainFlow(result.doc);
    expect(after.externalActors).toEqual(before.externalActors);
    const pastedStart = after.steps[3]!;
    expect(pastedStart.kind).toBe('process'); // a second start would be invalid
    expect(newErrors(target, result.doc)).toEqual([]);
  });

  it('copies as tab-separated text that pastes back into the same steps', () => {
    const source = sample('lmj-07-rekom-keringanan-biaya-rs');
    const tsv = stepsToTsv(source, 'main', ['s6', 's7']);
    const step7 = mainFlow(source).steps[6]!;
    expect(parseTsv(tsv)[1]).toEqual([
      '7.',
      step7.text,
      'Kadin / Sekdin',
      step7.requirements!.map((r) => r.text).join('\n'),
      step7.waktu!.raw,
      step7.output ?? '',
      step7.remarks ?? '',
    ]);
    const back = parsed(tsv, { knownActors: source.actors });
    expect(back.steps.map((s) => s.text)).toEqual(mainFlow(source).steps.slice(5, 7).map((s) => s.text));
    expect(back.steps[1]!.actors.map((a) => a.alternative ?? false)).toEqual([false, true]);
  });

  it('copies one HTML table that Word reads as a table and SOP Studio reads losslessly', () => {
    const source = sample('bwi-spm-online');
    const html = stepsToHtml(source, 'main', ['s6', 's7']);
    expect(htmlTableToRows(html)[0]).toEqual(['No', 'Kegiatan', 'Pelaksana', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan']);
    expect(htmlTableToRows(html)[1]![1]).toBe(mainFlow(source).steps[5]!.text);
    const back = parseClipboard({ html, text: stepsToTsv(source, 'main', ['s6', 's7']) });
    expect(back).toMatchObject({ ok: true, format: 'sop-studio' });
    expect(back.ok && back.content).toEqual(buildClipboard(source, 'main', ['s6', 's7']));
  });

  it('refuses damaged, foreign, newer or hostile payloads with a reason', () => {
    const good = JSON.parse(copySteps(sample('oku-01-sktm'), 'main', ['s2'])!);
    expect(parseClipboard('{"type":"sop-studio/steps", broken')).toMatchObject({ ok: false });
    expect(parseClipboard(JSON.stringify({ ...good, version: 99 }))).toMatchObject({ ok: false, reason: { en: expect.stringContaining('newer') } });
    const sneaky = { ...good, steps: [{ ...good.steps[0], onclick: 'evil()' }] };
    expect(parseClipboard(JSON.stringify(sneaky))).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ ruleId: expect.stringMatching(/^schema\./) })] });
    const dangling = { ...good, edges: [{ id: 'x', from: good.steps[0].id, to: 'nowhere' }] };
    expect(parseClipboard(JSON.stringify(dangling))).toMatchObject({ ok: false });
    expect(parseClipboard('{"type":"sop-studio/steps","__proto__":{"polluted":true}}')).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes a table pasted into an empty flow a whole procedure: start … end', () => {
    const base = sample('oku-01-sktm');
    const empty = run(base, command('document.replace', { document: { ...base, flows: [{ id: 'baru', lanes: [], steps: [], edges: [] }], caseFields: [] } })).doc;
    const result = run(empty, command('steps.paste', { flowId: 'baru', content: parsed(threeRows) }));
    const flow = result.doc.flows[0]!;
    expect(flow.steps.map((s) => s.kind)).toEqual(['start', 'process', 'end']);
    expect(newErrors(empty, result.doc)).toEqual([]);
  });
});
