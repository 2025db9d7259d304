import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError } from '../../cli/chromium';
import { missingChromiumMessage } from '../../cli/chromium/setUpChromium';
import { runPrintCommand } from './printCommand';

const sample = fileURLToPath(new URL('../../samples/bwi-spm-online.sop.json', import.meta.url));

describe('sop print without a browser', () => {
  it('says in one line what to run, exits 1 and writes nothing', async () => {
    const line = missingChromiumMessage({ platform: 'linux', isDebian: true, uid: 1000 });
    const dir = mkdtempSync(join(tmpdir(), 'sop-print-'));
    const out = join(dir, 'x.pdf');
    let stdout = '';
    let stderr = '';
    const status = await runPrintCommand(
      { file: sample, out, paper: 'a4', orientation: 'landscape', lang: 'id' },
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
      Promise.reject(new ChromiumNotFoundError(line)),
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`sop print: ${line}\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
