/**
 * The identity rows' commands: presence is its own edit (an emptied value
 * keeps its row), an illegible mark goes with its row, labels reset to the
 * standard one, and the e-signature block starts with its QR.
 */
import { describe, expect, it } from 'vitest';
import { identityRowPresent, identityRowSpec } from '../../identity/identityRows';
import { validateSop } from '../../validation';
import { command } from '../commands/registry';
import { createHistory } from '../history';
import { runCommand } from '../commands/registry';
import { TINY_PNG } from './commandTable';
import { run, sample } from './support';

const bwi = () => sample('bwi-spm-online');
const present = (doc: ReturnType<typeof bwi>, row: Parameters<typeof identityRowSpec>[0]) => identityRowPresent(doc, identityRowSpec(row));

describe('identity rows', () => {
  it('an emptied value keeps its row; only identityRow.remove makes it absent, and undo brings value and mark back', () => {
    const emptied = run(bwi(), command('identity.update', { changes: { number: '', address: '' } })).doc;
    expect(emptied.identity.number).toBe('');
    expect(present(emptied, 'number')).toBe(true);

    const history = createHistory(bwi());
    history.execute(command('identityRow.setIllegible', { row: 'number', illegible: true }));
    history.execute(command('identityRow.remove', { row: 'number' }));
    expect(history.doc.identity.number).toBeUndefined();
    expect(history.doc.identity.illegible).toBeUndefined();
    expect(present(history.doc, 'number')).toBe(false);
    history.undo();
    expect(history.doc.identity.number).toBe(bwi().identity.number);
    expect(history.doc.identity.illegible).toEqual(['number']);
    history.redo();
    expect(present(history.doc, 'number')).toBe(false);
  });

  it('adds each kind of row unfilled, and leaves a row that is there alone', () => {
    let doc = bwi();
    for (const row of ['number', 'efektif', 'approver', 'peringatan'] as const) doc = run(doc, command('identityRow.remove', { row })).doc;
    for (const row of ['number', 'efektif', 'approver', 'peringatan'] as const) doc = run(doc, command('identityRow.add', { row })).doc;
    expect(doc.identity.number).toBe('');
    expect(doc.identity.dates?.efektif).toEqual({ raw: '', precision: 'none' });
    expect(doc.identity.approver).toEqual({ position: '', name: '' });
    expect(doc.headerBlocks?.peringatan).toEqual([]);
    expect(validateSop(doc).diagnostics.filter((d) => d.ruleId.startsWith('schema.'))).toEqual([]);

    expect(run(bwi(), command('identityRow.add', { row: 'title' })).patch).toEqual([]);
  });

  it('keeps illegible marks in row order, without duplicates, and drops the empty list', () => {
    let doc = run(bwi(), command('identityRow.setIllegible', { row: 'approver', illegible: true })).doc;
    doc = run(doc, command('identityRow.setIllegible', { row: 'number', illegible: true })).doc;
    doc = run(doc, command('identityRow.setIllegible', { row: 'number', illegible: true })).doc;
    expect(doc.identity.illegible).toEqual(['number', 'approver']);
    doc = run(doc, command('identityRow.setIllegible', { row: 'number', illegible: false })).doc;
    doc = run(doc, command('identityRow.setIllegible', { row: 'approver', illegible: false })).doc;
    expect('illegible' in doc.identity).toBe(false);
  });

  it('overrides a label; "" or null goes back to the standard label and drops an empty labels object', () => {
    let doc = run(bwi(), command('identityLabel.set', { label: 'namaSop', text: 'Judul SOP' })).doc;
    expect(doc.identity.labels?.namaSop).toBe('Judul SOP');
    doc = run(doc, command('identityLabel.set', { label: 'namaSop', text: '' })).doc;
    expect(doc.identity.labels?.namaSop).toBeUndefined();
    expect(run(doc, command('identityLabel.set', { label: 'namaSop', text: null })).patch).toEqual([]);
  });

  it('a replaced logo keeps its printed width; null removes it', () => {
    const withLogo = { ...bwi(), identity: { ...bwi().identity, logo: { ...TINY_PNG, widthMm: 18 } } };
    const replaced = run(withLogo, command('identity.setLogo', { logo: { mediaType: 'image/jpeg', base64: '/9j/' } })).doc;
    expect(replaced.identity.logo).toEqual({ mediaType: 'image/jpeg', base64: '/9j/', widthMm: 18 });
    expect(run(replaced, command('identity.setLogo', { logo: null })).doc.identity.logo).toBeUndefined();
  });
});

describe('electronic signature', () => {
  it('starts with its QR and an empty statement; statement and footer need the block', () => {
    expect(runCommand(bwi(), command('electronicSignature.setStatement', { statement: 'x' }))).toMatchObject({ ok: false, code: 'electronicSignature.missing' });
    let doc = run(bwi(), command('electronicSignature.setQr', { qr: TINY_PNG })).doc;
    expect(doc.electronicSignature).toEqual({ qr: TINY_PNG, statement: '' });
    doc = run(doc, command('electronicSignature.setInEveryFooter', { inEveryFooter: true })).doc;
    expect(doc.electronicSignature?.inEveryFooter).toBe(true);
    doc = run(doc, command('electronicSignature.setInEveryFooter', { inEveryFooter: false })).doc;
    expect('inEveryFooter' in doc.electronicSignature!).toBe(false);
    doc = run(doc, command('electronicSignature.remove', {})).doc;
    expect(doc.electronicSignature).toBeUndefined();
  });
});
