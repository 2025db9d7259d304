/**
 * Commands on the electronic signature (TTE) block: its QR image, the signing
 * statement and whether it repeats in every page footer. The block needs a QR
 * (the schema requires one), so it comes into being with its QR and goes away
 * as a whole.
 */
import type { ElectronicSignature, Image, SopDocument } from '../../../schemas/generated/sop.types';
import { withChanges } from '../immutable';
import { refuse, type Refusal } from '../types';
import { defineCommand } from './define';

const CHANGED = [{ kind: 'document' as const, change: 'updated' as const }];

function withSignature(doc: SopDocument, signature: ElectronicSignature | undefined): SopDocument {
  return withChanges(doc, { electronicSignature: signature });
}

function noSignature(): Refusal {
  return refuse('electronicSignature.missing', {
    id: 'SOP ini belum punya tanda tangan elektronik: unggah kode QR-nya dulu.',
    en: 'This SOP has no electronic signature yet: upload its QR code first.',
  });
}

export interface ElectronicSignatureSetQrParams {
  qr: Image;
}

export const electronicSignatureSetQr = defineCommand<ElectronicSignatureSetQrParams>({
  title: { id: 'Ubah kode QR tanda tangan elektronik', en: 'Change e-signature QR code' },
  run(doc, { qr }) {
    // The first QR starts the block with an empty statement, for the drafter to fill in.
    const signature: ElectronicSignature = doc.electronicSignature ? { ...doc.electronicSignature, qr } : { qr, statement: '' };
    return { doc: withSignature(doc, signature), changes: CHANGED };
  },
});

export interface ElectronicSignatureSetStatementParams {
  statement: string;
}

export const electronicSignatureSetStatement = defineCommand<ElectronicSignatureSetStatementParams>({
  title: { id: 'Ubah pernyataan tanda tangan elektronik', en: 'Edit e-signature statement' },
  run(doc, { statement }) {
    if (!doc.electronicSignature) return noSignature();
    return { doc: withSignature(doc, { ...doc.electronicSignature, statement }), changes: CHANGED };
  },
  coalesceKey: () => 'electronicSignature.setStatement',
});

export interface ElectronicSignatureSetInEveryFooterParams {
  inEveryFooter: boolean;
}

export const electronicSignatureSetInEveryFooter = defineCommand<ElectronicSignatureSetInEveryFooterParams>({
  title: { id: 'Tanda tangan elektronik di setiap kaki halaman', en: 'E-signature in every footer' },
  run(doc, { inEveryFooter }) {
    if (!doc.electronicSignature) return noSignature();
    // Unticked is written as absent, as the schema's default.
    const signature = withChanges(doc.electronicSignature, { inEveryFooter: inEveryFooter ? true : undefined });
    return { doc: withSignature(doc, signature), changes: CHANGED };
  },
});

export const electronicSignatureRemove = defineCommand<Record<string, never>>({
  title: { id: 'Hapus tanda tangan elektronik', en: 'Remove electronic signature' },
  run(doc) {
    return { doc: withSignature(doc, undefined), changes: CHANGED };
  },
});
