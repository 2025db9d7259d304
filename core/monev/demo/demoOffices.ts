/**
 * The offices and clerks demo cases are worked by, made up from an SOP's
 * lanes: village lanes (Desa/Kelurahan) become several village offices,
 * Kecamatan lanes one office per district, other organisations one office
 * each, and the SOP's own positions (Staf, Kasi, Kabid, Kadis) people of the
 * SOP's office. Names are invented, Indonesian, and plainly demo data.
 */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import type { PersonRef } from '../../people/person';
import { seededRandom, type Random } from './random';

/** A person of a demo office; `lanes` limits which of the office's lanes they work in, `position` which sign-off they give. */
export interface DemoClerk extends PersonRef {
  lanes?: string[];
  /** The position they sign as (Kasi, Kabid…), matching `Step.signOffs[].position`. */
  position?: string;
}

export interface DemoOffice {
  /** The office name, as written on each clerk (`PersonRef.office`): what monev filters by. */
  name: string;
  /** The lanes (actor ids) this office works in. A lane served by several offices is split between them, case by case. */
  lanes: string[];
  clerks: DemoClerk[];
  /** Offices in one area (a kecamatan and its villages) serve the same cases. */
  area?: string;
  /** Share of cases, relative to other offices of the same lane (default 1). */
  weight?: number;
}

interface Region {
  /** "Kabupaten Banyuwangi" */
  name: string;
  /** Province and regency digits of the NIKs issued there. */
  nikPrefix: string;
  districts: { name: string; code: string; villages: string[] }[];
}

const BANYUWANGI: Region = {
  name: 'Kabupaten Banyuwangi',
  nikPrefix: '3510',
  districts: [
    { name: 'Banyuwangi', code: '11', villages: ['Kelurahan Penganjuran', 'Kelurahan Singotrunan', 'Kelurahan Tukangkayu'] },
    { name: 'Glagah', code: '13', villages: ['Desa Kemiren', 'Desa Olehsari', 'Desa Paspan'] },
    { name: 'Kalipuro', code: '14', villages: ['Kelurahan Ketapang', 'Desa Gombengsari'] },
    { name: 'Giri', code: '12', villages: ['Kelurahan Boyolangu', 'Kelurahan Penataban'] },
    { name: 'Genteng', code: '04', villages: ['Desa Kembiritan', 'Desa Setail'] },
  ],
};

const KNOWN_REGIONS: { match: RegExp; name: string; nikPrefix: string }[] = [
  { match: /banyuwangi/i, name: 'Kabupaten Banyuwangi', nikPrefix: '3510' },
  { match: /lumajang/i, name: 'Kabupaten Lumajang', nikPrefix: '3508' },
  { match: /karanganyar/i, name: 'Kabupaten Karanganyar', nikPrefix: '3313' },
  { match: /kota blitar/i, name: 'Kota Blitar', nikPrefix: '3572' },
  { match: /oku selatan|ogan komering ulu selatan/i, name: 'Kabupaten OKU Selatan', nikPrefix: '1609' },
];

/** Villages and districts that sound right anywhere in Indonesia, for SOPs of other regions. */
const GENERIC_DISTRICTS = [
  { name: 'Sukamaju', code: '01', villages: ['Desa Sukamaju', 'Desa Mekarsari', 'Kelurahan Tegalrejo'] },
  { name: 'Sumberagung', code: '02', villages: ['Desa Sumberagung', 'Desa Karangrejo'] },
  { name: 'Sidomulyo', code: '03', villages: ['Kelurahan Sidomulyo', 'Desa Wonorejo'] },
];

export function regionOf(sop: SopDocument): Region {
  const where = `${sop.identity.government ?? ''} ${sop.identity.office ?? ''}`;
  if (/banyuwangi/i.test(where)) return BANYUWANGI;
  const known = KNOWN_REGIONS.find((r) => r.match.test(where));
  return { name: known?.name ?? 'Kabupaten Contoh', nikPrefix: known?.nikPrefix ?? '3510', districts: GENERIC_DISTRICTS };
}

const MEN = ['Agus', 'Bambang', 'Budi', 'Eko', 'Hadi', 'Joko', 'Slamet', 'Suparno', 'Wahyu', 'Yusuf', 'Ahmad', 'Imam', 'Rudi', 'Dedi', 'Hendra', 'Sugeng', 'Fajar', 'Rizky', 'Arif', 'Samsul'];
const WOMEN = ['Siti', 'Sri', 'Dewi', 'Nur', 'Rina', 'Lilis', 'Endang', 'Wulan', 'Yuli', 'Ratna', 'Ani', 'Fitri', 'Indah', 'Kartini', 'Maryam', 'Suwarni', 'Tutik', 'Umi', 'Winarti', 'Ayu'];
const SECOND = ['Santoso', 'Wibowo', 'Pratama', 'Hidayat', 'Susanto', 'Rahayu', 'Lestari', 'Setiawan', 'Kurniawan', 'Wahyuni', 'Handayani', 'Purnomo', 'Saputra', 'Aminah', 'Maulana', 'Prasetyo', 'Utami', 'Hartono', 'Sulistyowati', 'Nugroho'];

export interface DemoPersonName {
  name: string;
  female: boolean;
}

export function personName(random: Random): DemoPersonName {
  const female = random.chance(0.5);
  const first = random.pick(female ? WOMEN : MEN);
  return { name: random.chance(0.8) ? `${first} ${random.pick(SECOND)}` : first, female };
}

/** A NIP that passes core/people/nip: birth 1968–1995, appointed at 23–35, sex digit, sequence. */
function demoNip(random: Random, female: boolean): string {
  const birthYear = random.int(1968, 1995);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const birth = `${birthYear}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
  const appointed = `${Math.min(birthYear + random.int(23, 35), 2023)}${pad(random.int(1, 12))}`;
  return `${birth}${appointed}${female ? 2 : 1}${pad(random.int(1, 999), 3)}`;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function titleCase(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/(^|[\s/(-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/\b(Upt|Bpjs|Tksk|Pmk|Pkh|Dtks|Ppkd)\b/g, (w) => w.toUpperCase())
    .trim();
}

const VILLAGE_LANE = /desa|kelurahan|\bkel\b/i;
const DISTRICT_LANE = /kecamatan|\bcamat\b|tksk/i;
/** Lanes one person holds alone in an office (one Kasi, one Kabid…). */
const HEAD_LANE = /\b(kasi|kabid|kadis|kadin|ka\.? ?din|sekdin|sekda|bupati|walikota|kepala|camat|bendahara)/i;

/**
 * The offices an SOP's demo cases go through. `seed` only changes the people's names.
 * Every lane of the SOP is served by at least one office.
 */
export function defaultDemoOffices(sop: SopDocument, seed = 1): DemoOffice[] {
  const random = seededRandom(seed ^ 0x5eed0ff1);
  const region = regionOf(sop);
  const home = sop.identity.office?.trim() || `Dinas Sosial ${region.name}`;
  const offices = new Map<string, DemoOffice>();
  const office = (name: string, area?: string): DemoOffice => {
    let found = offices.get(name);
    if (!found) offices.set(name, (found = { name, lanes: [], clerks: [], ...(area ? { area } : {}) }));
    return found;
  };
  const hire = (target: DemoOffice, lane: string, count: number, position?: string) => {
    for (let i = 0; i < count; i++) {
      const who = personName(random);
      const n = target.clerks.length + 1;
      target.clerks.push({
        id: `contoh-${slug(target.name)}-${n}`,
        name: who.name,
        nip: demoNip(random, who.female),
        office: target.name,
        lanes: [lane],
        ...(position ? { position } : {}),
      });
    }
  };
  const serve = (target: DemoOffice, lane: string, count: number) => {
    if (!target.lanes.includes(lane)) target.lanes.push(lane);
    hire(target, lane, count);
  };

  const lanes = sop.actors ?? [];
  const hasVillageLane = lanes.some((a) => a.kind !== 'citizen' && VILLAGE_LANE.test(a.label));
  for (const actor of lanes) {
    if (actor.kind === 'citizen') continue;
    if (VILLAGE_LANE.test(actor.label)) {
      for (const district of region.districts) {
        for (const village of district.villages) serve(office(village, district.name), actor.id, 2);
      }
    } else if (DISTRICT_LANE.test(actor.label)) {
      for (const district of region.districts) serve(office(`Kecamatan ${district.name}`, district.name), actor.id, /tksk/i.test(actor.label) ? 1 : 2);
    } else if (actor.kind === 'organisation' && !/dinas sosial/i.test(actor.label)) {
      const name = titleCase(actor.label);
      serve(office(/kabupaten|kota|prov/i.test(name) ? name : `${name} ${region.name}`), actor.id, 2);
    } else {
      serve(office(home), actor.id, HEAD_LANE.test(actor.label) ? 1 : 3);
    }
  }
  // The applicant's own rows are recorded by the clerk who receives them: at the village office when
  // the SOP has one, else at the SOP's own office.
  for (const actor of lanes.filter((a) => a.kind === 'citizen')) {
    const receiving = hasVillageLane ? [...offices.values()].filter((o) => o.area !== undefined && !o.name.startsWith('Kecamatan')) : [office(home)];
    for (const target of receiving) {
      target.lanes.push(actor.id);
      for (const clerk of target.clerks) clerk.lanes = [...(clerk.lanes ?? []), actor.id];
    }
  }
  // Positions that sign off (paraf Kasi, tanda tangan Kadis) get their own person in the lane's office.
  for (const step of sop.flows.flatMap((f) => f.steps)) {
    for (const signOff of step.signOffs ?? []) {
      const lane = signOff.actor ?? step.actors.find((a) => a.role === 'performs')?.actor ?? step.actors[0]?.actor;
      if (!lane) continue;
      for (const target of offices.values()) {
        if (target.lanes.includes(lane) && !target.clerks.some((c) => c.position === signOff.position && c.lanes?.includes(lane))) {
          hire(target, lane, 1, signOff.position);
        }
      }
    }
  }
  // Bigger district towns send more cases.
  for (const target of offices.values()) if (target.area === region.districts[0]?.name) target.weight = 1.6;
  return [...offices.values()];
}
