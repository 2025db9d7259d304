import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { parseOrientation, parsePaperSize } from '../model/paper';

async function run(...argv: string[]) {
  let stderr = '';
  const status = await runCli(argv, { stdout: () => {}, stderr: (t) => { stderr += t; } });
  return { status, stderr };
}

describe('sop print arguments', () => {
  it('reads paper sizes and orientations in any case', () => {
    expect(['A4', 'f4', 'Letter', ' LEGAL '].map(parsePaperSize)).toEqual(['a4', 'f4', 'letter', 'legal']);
    expect(['Landscape', 'PORTRAIT'].map(parseOrientation)).toEqual(['landscape', 'portrait']);
    expect(parsePaperSize('a3')).toBeNull();
    expect(parseOrientation('miring')).toBeNull();
  });

  it('takes --paper, --orientation and --style in any case, and refuses what it does not know as a usage error', async () => {
    // A missing file is reported after the arguments are accepted (exit 1, not the usage error's 2).
    const accepted = await run('print', 'tidak-ada.sop.json', '--out', 'x.pdf', '--paper', 'LEGAL', '--orientation', 'Portrait', '--style', 'Hitam-Putih', '--computed-total', '--table-title');
    expect(accepted.status).toBe(1);
    expect(accepted.stderr).toContain('file not found');
    const paper = await run('print', 'x.sop.json', '--out', 'x.pdf', '--paper', 'a3');
    expect(paper.status).toBe(2);
    expect(paper.stderr).toContain('--paper must be a4, f4, letter or legal, not "a3"');
    const style = await run('print', 'x.sop.json', '--out', 'x.pdf', '--style', 'warna');
    expect(style.status).toBe(2);
    expect(style.stderr).toContain('--style must be standar or hitam-putih');
  }, 60_000);
});
