/**
 * Managing offices, their lanes and users: admin role only (system-wide).
 * Every route shares the rules of the admin CLI (accounts/accountsService.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CreateOfficeRequest, CreateUserRequest, MoveUserRequest, SetLanesRequest, SetUserDisabledRequest, UpdateOfficeRequest, UpdateUserRequest } from '../../core/sync/protocol';
import { listOffices, listUsers } from '../accounts/accountsRepo';
import * as accounts from '../accounts/accountsService';
import { requireRole } from '../auth/authenticate';
import { schemaRef } from '../http/requestSchemas';
import type { RoutePluginOptions } from '../app';

const body = (definition: string) => ({ $ref: schemaRef('admin', definition) });

export const adminRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { ctx, authenticate }) => {
  const { db } = ctx;
  // Encapsulated: these hooks guard this plugin's routes only.
  app.addHook('preHandler', authenticate);
  app.addHook('preHandler', requireRole('admin'));

  app.get('/offices', async () => ({ offices: await listOffices(db) }));

  app.post('/offices', { schema: { body: body('CreateOfficeRequest') } }, async (request, reply) => {
    const office = await accounts.createOffice(db, request.body as CreateOfficeRequest, ctx.now());
    request.log.info({ officeId: office.id, by: request.auth!.user.id }, 'office created');
    return reply.code(201).send({ office });
  });

  app.patch('/offices/:officeId', { schema: { params: body('OfficeParams'), body: body('UpdateOfficeRequest') } }, async (request) => {
    const { officeId } = request.params as { officeId: string };
    return { office: await accounts.renameOffice(db, officeId, (request.body as UpdateOfficeRequest).name) };
  });

  app.put('/offices/:officeId/lanes', { schema: { params: body('OfficeParams'), body: body('SetLanesRequest') } }, async (request) => {
    const { officeId } = request.params as { officeId: string };
    const office = await accounts.setOfficeLanes(db, officeId, (request.body as SetLanesRequest).lanes);
    request.log.info({ officeId, lanes: office.lanes.length, by: request.auth!.user.id }, 'office lanes set');
    return { office };
  });

  app.get('/users', async () => ({ users: await listUsers(db) }));

  app.post('/users', { schema: { body: body('CreateUserRequest') } }, async (request, reply) => {
    const user = await accounts.createUser(db, request.body as CreateUserRequest, ctx.now());
    request.log.info({ userId: user.id, by: request.auth!.user.id }, 'user created');
    return reply.code(201).send({ user });
  });

  app.patch('/users/:userId', { schema: { params: body('UserParams'), body: body('UpdateUserRequest') } }, async (request) => {
    const { userId } = request.params as { userId: string };
    const user = await accounts.updateUser(db, userId, request.body as UpdateUserRequest);
    request.log.info({ userId, by: request.auth!.user.id, fields: Object.keys(request.body as object) }, 'user updated');
    return { user };
  });

  app.put('/users/:userId/disabled', { schema: { params: body('UserParams'), body: body('SetUserDisabledRequest') } }, async (request) => {
    const { userId } = request.params as { userId: string };
    const { disabled } = request.body as SetUserDisabledRequest;
    const user = await accounts.setUserDisabled(db, userId, disabled, ctx.now());
    request.log.info({ userId, disabled, by: request.auth!.user.id }, disabled ? 'user disabled' : 'user enabled');
    return { user };
  });

  app.post('/users/:userId/move', { schema: { params: body('UserParams'), body: body('MoveUserRequest') } }, async (request) => {
    const { userId } = request.params as { userId: string };
    const user = await accounts.moveUser(db, userId, request.body as MoveUserRequest);
    request.log.info({ userId, officeId: user.officeId, by: request.auth!.user.id }, 'user moved');
    return { user };
  });
};
