import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { useUserStore } from '../stores/userStore.ts';

/** Asks for the name co-authors see, once per device; reopened from the avatar in the top bar. */
export function NameDialog() {
  const { user, nameDialogOpen, setName, closeNameDialog } = useUserStore();
  const [value, setValue] = useState(user?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (nameDialogOpen) {
      setValue(user?.name ?? '');
      setError(null);
    }
  }, [nameDialogOpen, user]);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const name = value.trim();
    if (!name) {
      setError('Enter the name your co-authors know you by.');
      return;
    }
    setName(name.slice(0, 60));
  };

  return (
    <Dialog open={nameDialogOpen} onClose={closeNameDialog} title={user ? 'Your name' : 'Welcome to Rightsdraft'} dismissible={user !== null}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        {!user && <p className="muted">Before you start: what name should co-authors see next to your cursor and in the outline?</p>}
        <div className="field">
          <label htmlFor="user-name">Display name</label>
          <input
            id="user-name"
            className="input"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            maxLength={60}
            autoComplete="name"
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'user-name-error user-name-help' : 'user-name-help'}
          />
          {error && (
            <p id="user-name-error" className="field__error">
              {error}
            </p>
          )}
          <p id="user-name-help" className="field__help">
            Kept on this device only. You can change it at any time.
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {user ? 'Save' : 'Continue'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
