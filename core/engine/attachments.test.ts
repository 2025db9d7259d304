import { describe, expect, it } from 'vitest';
import { loadSample, loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { stepAttachments } from './attachments';
import { plainTextOf } from '../text/richText';

function firstStep(doc: SopDocument) {
  return doc.flows[0]!.steps[0]!;
}

function pairs(doc: SopDocument): Record<string, string> {
  const { fieldOfRequirement } = stepAttachments(firstStep(doc), doc.caseFields);
  return Object.fromEntries([...fieldOfRequirement].map(([req, field]) => [req, field.id]));
}

describe('stepAttachments: one control per document', () => {
  it('files Banyuwangi\'s KTP, KK and Puskesmas referral under their requirements, whatever the case', () => {
    const bwi = loadSample('bwi-spm-online')!;
    expect(pairs(bwi)).toEqual({ 's1-r1': 'berkas-ktp', 's1-r2': 'berkas-kk', 's1-r3': 'berkas-rujukan-puskesmas' });
    expect(stepAttachments(firstStep(bwi), bwi.caseFields).ownFields).toEqual([]);
  });

  it('pairs a field named by the start of a longer requirement (OKU: SKTM "serta Survei lokasi …")', () => {
    const oku = loadSample('oku-04-alat-bantu-disabilitas')!;
    const sktm = firstStep(oku).requirements!.find((r) => plainTextOf(r.text).startsWith('Surat Keterangan Tidak Mampu'))!;
    expect(pairs(oku)).toEqual({ [sktm.id]: 'berkas-sktm' });
  });

  it('keeps fields that name no requirement as fields of their own (KIP: one "Dokumen permohonan", three files)', () => {
    const blt = loadSample('blt-sk-kip')!;
    const { fieldOfRequirement, ownFields } = stepAttachments(firstStep(blt), blt.caseFields);
    expect(fieldOfRequirement.size).toBe(0);
    expect(ownFields.map((f) => f.id)).toEqual(['berkas-sktm', 'berkas-kk', 'berkas-ktp-kia']);
  });

  it('never pairs on a partial word, and pairs each field and requirement once', () => {
    const doc = structuredClone(loadSample('bwi-spm-online')!);
    const s1 = firstStep(doc);
    s1.requirements = [
      { id: 'r-ktpkia', text: 'KTPKIA' },
      { id: 'r-ktp-1', text: 'KTP' },
      { id: 'r-ktp-2', text: 'KTP.' },
    ];
    doc.caseFields = [
      { id: 'f1', label: 'KTP', type: 'file', required: false, step: 's1' },
      { id: 'f2', label: 'ktp', type: 'file', required: false, step: 's1' },
      { id: 'f3', label: 'KTP', type: 'file', required: false, step: 's1' },
      { id: 'f4', label: 'KTP', type: 'text', required: false, step: 's1' },
      { id: 'f5', label: 'KTP', type: 'file', required: false, step: 's2' },
    ];
    expect(pairs(doc)).toEqual({ 'r-ktp-1': 'f1', 'r-ktp-2': 'f2' });
    expect(stepAttachments(s1, doc.caseFields).ownFields.map((f) => f.id)).toEqual(['f3']);
  });

  it('leaves every sample step with at most one control per requirement and every file field shown once', () => {
    for (const doc of loadSamples()) {
      for (const step of doc.flows.flatMap((f) => f.steps)) {
        const { fieldOfRequirement, ownFields } = stepAttachments(step, doc.caseFields);
        const files = (doc.caseFields ?? []).filter((f) => f.type === 'file' && f.step === step.id);
        expect(fieldOfRequirement.size + ownFields.length, `${doc.id} ${step.id}`).toBe(files.length);
        expect(new Set([...fieldOfRequirement.values()].map((f) => f.id)).size).toBe(fieldOfRequirement.size);
      }
    }
  });
});
