/** A labelled picker for one JSON file; it clears itself so the same file can be chosen again. */
export function JsonFilePicker({ id, label, onFile, describedBy }: { id: string; label: string; onFile: (file: File) => Promise<void>; describedBy?: string }) {
  return (
    <div className="rt-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={describedBy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
    </div>
  );
}
