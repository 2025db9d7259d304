import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute } from './router';

describe('runtime hash routes', () => {
  it('reads the monitoring pages, with their filters kept apart from the path', () => {
    expect(parseRoute(hrefs.monevIndex())).toEqual({ name: 'monevIndex' });
    expect(parseRoute(hrefs.monev('bwi/spm', '?dari=2026-01-01&kantor=Desa'))).toEqual({ name: 'monev', sopId: 'bwi/spm', query: 'dari=2026-01-01&kantor=Desa' });
    expect(parseRoute('#/monev/bwi-spm')).toEqual({ name: 'monev', sopId: 'bwi-spm', query: '' });
    expect(parseRoute(hrefs.monevForm('bwi/spm', 'f 1'))).toEqual({ name: 'monevForm', sopId: 'bwi/spm', formId: 'f 1' });
    expect(hrefs.monevForm('bwi-spm', 'f1')).toBe('#/monev/bwi-spm/formulir/f1');
    expect(parseRoute('#/monev/bwi-spm/lain/f1')).toEqual({ name: 'notFound' });
  });

  it('still reads the other pages, and a query does not change which page', () => {
    expect(parseRoute('')).toEqual({ name: 'catalogue' });
    expect(parseRoute(hrefs.case('k-1'))).toEqual({ name: 'case', caseId: 'k-1' });
    expect(parseRoute('#/kasus?x=1')).toEqual({ name: 'cases' });
    expect(parseRoute('#/monev/a/b/c')).toEqual({ name: 'notFound' });
  });
});
