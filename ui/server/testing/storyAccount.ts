/** For stories of the account screens (designer's Server dialog, runtime's Pengaturan). */
import { useState } from 'react';
import type { LocalizedText } from '../../../core/engine';
import type { SignInInput } from '../session';

interface AccountHandlers {
  onSignIn: (input: SignInInput) => Promise<LocalizedText | void>;
  onSignOut: () => Promise<{ reachedServer: boolean }>;
}

/**
 * The account as the apps keep it: signing in (without a refusal) makes
 * `signedIn` the session, signing out forgets it. The story's own handlers
 * still run first, so its play can assert what they were called with.
 */
export function useStoryAccount<S>(start: S | null, signedIn: S, handlers: AccountHandlers): AccountHandlers & { session: S | null } {
  const [session, setSession] = useState(start);
  return {
    session,
    onSignIn: async (input) => {
      const failure = await handlers.onSignIn(input);
      if (!failure) setSession(signedIn);
      return failure;
    },
    onSignOut: async () => {
      const outcome = await handlers.onSignOut();
      setSession(null);
      return outcome;
    },
  };
}
