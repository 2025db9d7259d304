import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PushRequest, CreateOfficeRequest, CreateUserRequest, PublishRevisionRequest, SetLanesRequest, SignInRequest, UpdateOfficeRequest, UpdateUserRequest } from '../../core/sync/protocol';
import { createRequestAjv, schemaRef } from './requestSchemas';

const ajv = createRequestAjv();
const check = (file: string, definition: string, value: unknown) => {
  const validate = ajv.getSchema(schemaRef(file, definition));
  if (!validate) throw new Error(`no schema ${file}#${definition}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
};

// Typed with the protocol's request types: a field renamed in protocol.ts fails to compile here,
// and a schema that stops accepting the typed shape fails the test.
const officeRequest: CreateOfficeRequest = { name: 'Desa Sumberejo', regionCode: '35.08.01.2001', parentId: null, lanes: [{ sopId: 'lmj-01-ugb', actorId: 'desa' }] };
const updateOffice: UpdateOfficeRequest = { name: 'Dinas Sosial P3A' };
const lanes: SetLanesRequest = { lanes: [] };
const userRequest: CreateUserRequest = {
  login: 'siti.aminah@lumajang',
  name: "Siti 'Aminah'",
  nip: '19850512 201001 2 003',
  officeId: '6f1c1a52-55b5-4c39-9a43-0d1c7f1f8c01',
  roles: ['clerk', 'publisher'],
  positions: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }],
  password: 'panjang-sekali-123',
};
const updateUser: UpdateUserRequest = { nip: null, roles: [], positions: [] };
const signIn: SignInRequest = { login: 'siti', password: 'x' };
const publish: PublishRevisionRequest = { document: { id: 'x' } };
const push: PushRequest = {
  deviceId: 'device-1',
  commands: [
    { command: { id: 'c1', caseId: 'k1', type: 'case.start', at: '2026-12-01T01:00:00.000Z', fields: { nama: "O'Brien" } }, sop: { sopId: 'bwi-spm-online', revision: 1 } },
    { command: { id: 'c2', caseId: 'k1', type: 'step.complete', stepId: 's2', expectedRevision: 1, at: '2026-12-01T01:00:00.000Z' }, attachments: ['a'.repeat(64)] },
    { command: { id: 'c3', caseId: 'k1', type: 'step.skip', stepId: 's3', note: 'Tidak berlaku', expectedRevision: 2, at: '2026-12-01T01:00:00.000Z' } },
  ],
};

describe('server request schemas (schemas/server)', () => {
  it('loads every schema file in strict mode', () => {
    const dir = fileURLToPath(new URL('../../schemas/server/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
    expect(files.sort()).toEqual(['admin.schema.json', 'common.schema.json', 'monev.schema.json', 'publication.schema.json', 'session.schema.json', 'sync.schema.json']);
  });

  it('accepts the protocol types', () => {
    expect(check('admin', 'CreateOfficeRequest', officeRequest)).toEqual([]);
    expect(check('admin', 'UpdateOfficeRequest', updateOffice)).toEqual([]);
    expect(check('admin', 'SetLanesRequest', lanes)).toEqual([]);
    expect(check('admin', 'CreateUserRequest', userRequest)).toEqual([]);
    expect(check('admin', 'UpdateUserRequest', updateUser)).toEqual([]);
    expect(check('session', 'SignInRequest', signIn)).toEqual([]);
    expect(check('publication', 'PublishRevisionRequest', publish)).toEqual([]);
    expect(check('sync', 'PushRequest', push)).toEqual([]);
    expect(check('sync', 'PullQuery', { after: '812:4', limit: '500' })).toEqual([]);
    expect(check('monev', 'MonevQuery', { from: '2026-01-05T00:00:00+07:00', to: '2026-04-01T00:00:00.000Z', office: 'Kecamatan Glagah', lane: 'desa-kelurahan', revision: '2' })).toEqual([]);
  });

  it('refuses monev filters that are not instants with an offset, or not one line', () => {
    expect(check('monev', 'MonevQuery', { from: '2026-01-05' })).toEqual(['/from pattern']);
    expect(check('monev', 'MonevQuery', { to: '2026-01-05T00:00:00' })).toEqual(['/to pattern']);
    expect(check('monev', 'MonevQuery', { office: ' Glagah' })).toEqual(['/office pattern']);
    expect(check('monev', 'MonevQuery', { revision: '0' })).toEqual(['/revision pattern']);
    expect(check('monev', 'MonevQuery', { kantor: 'x' })).toEqual([' additionalProperties']);
  });

  it('refuses push batches over the limit, unknown command types and malformed hashes', () => {
    const many = { ...push, commands: Array.from({ length: 101 }, () => push.commands[1]) };
    expect(check('sync', 'PushRequest', many)).toEqual(['/commands maxItems']);
    expect(check('sync', 'PushRequest', { ...push, commands: [{ command: { ...push.commands[0]!.command, type: 'case.delete' } }] })).toEqual(['/commands/0/command/type enum']);
    expect(check('sync', 'PushRequest', { ...push, commands: [{ ...push.commands[1], attachments: ['A'.repeat(64)] }] })).toEqual(['/commands/0/attachments/0 pattern']);
    expect(check('sync', 'PullQuery', { limit: '0' })).toEqual(['/limit pattern']);
  });

  it('refuses unknown properties, control characters, edge spaces, bad ids and empty updates', () => {
    expect(check('admin', 'CreateOfficeRequest', { ...officeRequest, extra: 1 })).toEqual([' additionalProperties']);
    expect(check('admin', 'CreateUserRequest', { ...userRequest, name: 'Siti\u0000' })).toEqual(['/name pattern']);
    expect(check('admin', 'CreateUserRequest', { ...userRequest, name: 'Siti\u0085' })).toEqual(['/name pattern']);
    expect(check('admin', 'CreateUserRequest', { ...userRequest, login: 'siti ' })).toEqual(['/login pattern']);
    expect(check('admin', 'CreateUserRequest', { ...userRequest, officeId: 'kantor-1' })).toEqual(['/officeId pattern']);
    expect(check('admin', 'SetLanesRequest', { lanes: [{ sopId: 'LMJ', actorId: 'staf' }] })).toEqual(['/lanes/0/sopId pattern']);
    expect(check('admin', 'UpdateUserRequest', {})).toEqual([' minProperties']);
    expect(check('publication', 'RevisionParams', { sopId: 'lmj-01-ugb', revision: '01' })).toEqual(['/revision pattern']);
  });
});
