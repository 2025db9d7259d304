import { findUserByLogin, updateUserFields } from '../accounts/accountsRepo';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../accounts/passwords';
import type { PasswordIdentityProvider } from './identityProvider';

export const passwordProvider: PasswordIdentityProvider = {
  kind: 'password',
  id: 'password',
  async verify(db, login, password) {
    const user = await findUserByLogin(db, login);
    if (!user || user.passwordHash === null) {
      // Same work as a real check, so the answer's timing does not reveal which logins exist.
      await verifyPassword(password, await decoyPasswordHash());
      return undefined;
    }
    if (!(await verifyPassword(password, user.passwordHash))) return undefined;
    // Raised cost parameters apply to each user at their next sign-in.
    if (needsRehash(user.passwordHash)) await updateUserFields(db, user.id, { passwordHash: await hashPassword(password) });
    return user.id;
  },
};
