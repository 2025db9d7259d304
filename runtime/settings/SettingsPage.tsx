import { useRuntime } from '../context';
import { CaseOnlyRevisions } from '../catalogue/CaseOnlyRevisions';
import { CalendarSettingsForm } from './CalendarSettings';
import { ServerSettings } from './ServerSettings';
import { TrustedKeysPanel } from './TrustedKeys';

/** Pengaturan: the server, the working calendar, trusted keys, and revisions held only for cases. */
export function SettingsPage() {
  const { calendar, setCalendar, catalogue } = useRuntime();
  return (
    <>
      {catalogue.kind === 'device' && <ServerSettings />}
      <CalendarSettingsForm calendar={calendar} onSave={setCalendar} />
      <TrustedKeysPanel />
      {catalogue.kind === 'device' && <CaseOnlyRevisions />}
    </>
  );
}
