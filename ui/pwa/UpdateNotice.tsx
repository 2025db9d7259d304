import { useSyncExternalStore } from 'react';
import { useFormInProgress } from './formsInProgress';
import { offlineUpdates as pageUpdates, type OfflineUpdates } from './offlineUpdates';
import { UpdatePrompt } from './UpdatePrompt';

/** The update prompt wired to the page's update state; renders nothing while there is no new version. */
export function UpdateNotice({ updates = pageUpdates }: { updates?: OfflineUpdates }) {
  const state = useSyncExternalStore(updates.subscribe, updates.getState);
  const formInProgress = useFormInProgress();
  if (state.phase === 'current' || state.postponed) return null;
  return (
    <UpdatePrompt
      phase={state.phase}
      formInProgress={formInProgress}
      reloading={state.reloading}
      onReload={() => updates.reloadIntoNewVersion()}
      onLater={() => updates.postpone()}
    />
  );
}
