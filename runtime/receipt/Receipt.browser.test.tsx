// The receipt with hostile names, in Chromium: a file name holding U+202E
// (right-to-left override) must not reverse the text after it, and a
// 300-character name without spaces must wrap inside the receipt, on screen
// and on paper alike (the same CSS; print only hides the buttons).
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { I18nProvider } from '../../ui/i18n';
import '../../ui/theme.css';
import '../runtime.css';
import { caseRowOf } from '../storage/repository';
import { hostileReceiptCase } from './hostileReceiptCase';
import { ReceiptView } from './Receipt';

let unmount: (() => Promise<void> | void) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

/** Left edge, on screen, of the character `offset` places into the first occurrence of `needle`. */
function charLeft(root: Element, needle: string, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + offset);
    range.setEnd(node, at + offset + 1);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`"${needle}" is not on the page`);
}

async function showReceipt() {
  const { sop, state, names } = hostileReceiptCase();
  const screen = await render(
    <I18nProvider initialLang="id" persist={false}>
      <div style={{ width: '800px' }}>
        <ReceiptView row={caseRowOf(sop, state)} sop={sop} timeZone="Asia/Jakarta" />
      </div>
    </I18nProvider>,
  );
  unmount = screen.unmount;
  const receipt = document.querySelector('.rt-receipt')!;
  return { receipt, names };
}

describe('the receipt with hostile names', () => {
  it('keeps the text after a U+202E file name in reading order', async () => {
    const { receipt, names } = await showReceipt();
    // "foto-kk.jpg" follows the overriding name; its letters must still run left to right.
    const next = names.afterOverride;
    expect(charLeft(receipt, next, 0)).toBeLessThan(charLeft(receipt, next, next.length - 1));
    // And the applicant's name, after the list in the signature row, is unaffected too.
    expect(charLeft(receipt, 'Siti', 0)).toBeLessThan(charLeft(receipt, 'Siti', 3));
  });

  it('wraps a 300-character name inside the receipt instead of overflowing it', async () => {
    const { receipt, names } = await showReceipt();
    const box = receipt.getBoundingClientRect();
    expect(box.width).toBeLessThanOrEqual(800);
    expect(receipt.scrollWidth).toBeLessThanOrEqual(receipt.clientWidth);
    for (const element of receipt.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      expect(rect.right, element.outerHTML.slice(0, 80)).toBeLessThanOrEqual(box.right + 0.5);
    }
    // The long names are on the receipt, whole.
    expect(receipt.textContent).toContain(names.longFile);
    expect(receipt.textContent).toContain(names.longApplicant);
  });
});
