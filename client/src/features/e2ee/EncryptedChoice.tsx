/** The "End-to-end encrypted" checkbox of the New report dialog, with what it means in a line. */
export function EncryptedChoice({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="new-encrypted" />
        <span>End-to-end encrypted</span>
      </label>
      <p className="field__help" id="new-encrypted-help">
        Only members’ browsers can read it; the server keeps it encrypted and cannot export, check or compare it for you.
      </p>
    </div>
  );
}
