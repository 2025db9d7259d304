import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { canonicalJson, sha256Hex } from '../engine';
import { CaseDriver } from '../engine/testing/caseDriver';
import { checkBundleContent, type BundleContent } from './checkContent';

const PERSON = { id: 'p1', name: 'Rina Operator', nip: '198505122010012003' };

function content(): BundleContent {
  const doc = structuredClone(loadSample('bwi-spm-online')!);
  const d = new CaseDriver(doc, 'case-1');
  d.ok({ type: 'case.start', fields: { nama: 'Siti Aminah', nik: '3510015205850002', telepon: '081234567890' }, by: { actorId: 'desa-kelurahan', person: PERSON } });
  d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], by: { person: PERSON } });
  return { caseId: 'case-1', sop: { key: `${doc.id}@${doc.revision.number}`, contentHash: sha256Hex(canonicalJson(doc)), doc }, events: structuredClone(d.events), snapshot: structuredClone(d.current), attachments: [] };
}

/** Changes an applicant field in the event and the snapshot alike, so only the field rules can object. */
function withField(id: string, value: unknown): BundleContent {
  const c = content();
  (c.events[0] as { fields: Record<string, unknown> }).fields[id] = value;
  (c.snapshot.fields as Record<string, unknown>)[id] = value;
  return c;
}

/** The SOP's hash as the caller verifies it (the checks may rely on it). */
function rehash(c: BundleContent): void {
  c.sop.contentHash = sha256Hex(canonicalJson(c.sop.doc));
}

describe('checkBundleContent', () => {
  it('accepts a case the engine recorded', () => {
    expect(checkBundleContent(content())).toBeNull();
  });

  it.each([
    ['an invalid NIK with markup', withField('nik', '<b>3510</b>'), 'events', '/events/0/fields/nik'],
    ['a NIK with an impossible birth date', withField('nik', '3510019905850002'), 'events', '/events/0/fields/nik'],
    ['a phone that is not one', withField('telepon', '12'), 'events', '/events/0/fields/telepon'],
    ['a field the SOP does not have', withField('gaji', '1'), 'events', '/events/0/fields/gaji'],
    ['an object as a field value', withField('nama', { a: 1 }), 'events', '/events/0/fields/nama'],
  ])('refuses %s, located', (_label, c, part, pointer) => {
    expect(checkBundleContent(c)).toMatchObject({ part, pointer, message: { id: expect.any(String), en: expect.any(String) } });
  });

  it('refuses a person without a name, a numeric title, a duplicated event, and a snapshot the events do not rebuild', () => {
    const nameless = content();
    nameless.events[1]!.by = { person: { id: 'p1', name: '' } };
    expect(checkBundleContent(nameless)).toMatchObject({ part: 'events', pointer: '/events/1/by/person/name' });

    const numericTitle = content();
    (numericTitle.sop.doc.identity as { title: unknown }).title = 42;
    rehash(numericTitle);
    expect(checkBundleContent(numericTitle)).toMatchObject({ part: 'sop', pointer: '/sop/doc/identity/title' });

    const duplicated = content();
    duplicated.events.push(structuredClone(duplicated.events[1]!));
    expect(checkBundleContent(duplicated)).toMatchObject({ part: 'events', message: { en: expect.stringContaining('appears twice') } });

    const edited = content();
    (edited.snapshot.fields as Record<string, unknown>)['nama'] = 'Orang Lain';
    expect(checkBundleContent(edited)).toMatchObject({ part: 'snapshot', pointer: '/snapshot' });
  });

  it('refuses events of an unknown type or shape, and an SOP that is not published', () => {
    const unknown = content();
    (unknown.events[1] as { type: string }).type = 'case.deleted';
    expect(checkBundleContent(unknown)).toMatchObject({ part: 'events', pointer: '/events/1/type' });

    const shapeless = content();
    (shapeless.events[1] as { revision: unknown }).revision = 'two';
    expect(checkBundleContent(shapeless)).toMatchObject({ part: 'events', pointer: '/events/1/revision' });

    const draft = content();
    draft.sop.doc.revision.status = 'draft';
    rehash(draft);
    expect(checkBundleContent(draft)).toMatchObject({ part: 'sop' });
  });
});
