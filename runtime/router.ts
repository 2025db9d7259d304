import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so the clerk's app works from any static folder and offline:
 * #/ catalogue · #/sop/<key>/mulai start a case · #/kasus list · #/kasus/<id> case ·
 * #/kasus/<id>/tanda-terima receipt · #/masuk inbox · #/pengaturan working calendar · #/profil who I am ·
 * #/monev the SOPs to monitor · #/monev/<sopId>?dari=…&sampai=… one SOP's monitoring (filters: monevFilters.ts) ·
 * #/monev/<sopId>/formulir/<formId> one of its monitoring or evaluation forms.
 */
export type Route =
  | { name: 'catalogue' }
  | { name: 'start'; sopKey: string }
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'receipt'; caseId: string }
  | { name: 'inbox' }
  | { name: 'settings' }
  | { name: 'profile' }
  | { name: 'monevIndex' }
  | { name: 'monev'; sopId: string; query: string }
  | { name: 'monevForm'; sopId: string; formId: string }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const [path = '/', query = ''] = (hash.replace(/^#/, '') || '/').split(/\?(.*)/s);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'catalogue' };
  if (parts[0] === 'sop' && parts.length === 3 && parts[2] === 'mulai') return { name: 'start', sopKey: parts[1]! };
  if (parts[0] === 'kasus' && parts.length === 1) return { name: 'cases' };
  if (parts[0] === 'kasus' && parts.length === 2) return { name: 'case', caseId: parts[1]! };
  if (parts[0] === 'kasus' && parts.length === 3 && parts[2] === 'tanda-terima') return { name: 'receipt', caseId: parts[1]! };
  if (parts[0] === 'masuk' && parts.length === 1) return { name: 'inbox' };
  if (parts[0] === 'pengaturan' && parts.length === 1) return { name: 'settings' };
  if (parts[0] === 'profil' && parts.length === 1) return { name: 'profile' };
  if (parts[0] === 'monev' && parts.length === 1) return { name: 'monevIndex' };
  if (parts[0] === 'monev' && parts.length === 2) return { name: 'monev', sopId: parts[1]!, query };
  if (parts[0] === 'monev' && parts.length === 4 && parts[2] === 'formulir') return { name: 'monevForm', sopId: parts[1]!, formId: parts[3]! };
  return { name: 'notFound' };
}

export const hrefs = {
  catalogue: () => '#/',
  start: (sopKey: string) => `#/sop/${encodeURIComponent(sopKey)}/mulai`,
  cases: () => '#/kasus',
  case: (caseId: string) => `#/kasus/${encodeURIComponent(caseId)}`,
  receipt: (caseId: string) => `#/kasus/${encodeURIComponent(caseId)}/tanda-terima`,
  inbox: () => '#/masuk',
  settings: () => '#/pengaturan',
  profile: () => '#/profil',
  monevIndex: () => '#/monev',
  /** `query` from formatMonevFilters ('' or '?…'). */
  monev: (sopId: string, query = '') => `#/monev/${encodeURIComponent(sopId)}${query}`,
  monevForm: (sopId: string, formId: string) => `#/monev/${encodeURIComponent(sopId)}/formulir/${encodeURIComponent(formId)}`,
};

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseRoute(hash);
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
