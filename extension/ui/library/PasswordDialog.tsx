// Asks for a PDF's password (import, or opening an encrypted document), in a labelled dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PasswordReason } from '../../import/pdf-read';
import { t } from '../../base/i18n';

export interface PasswordDialogProps {
  fileName: string;
  reason: PasswordReason;
  onAnswer: (password: string | null) => void;
}

export function PasswordDialog({ fileName, reason, onAnswer }: PasswordDialogProps) {
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [reason]);
  const prompt = t(reason === 'incorrect' ? 'import.passwordWrong' : 'import.passwordPrompt', {
    file: fileName,
  });
  return (
    <div class="hdnd-dialog" role="dialog" aria-modal="true" aria-labelledby="pw-prompt">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onAnswer(password);
        }}
      >
        <p id="pw-prompt">{prompt}</p>
        <label>
          {t('import.passwordLabel')}{' '}
          <input
            ref={input}
            type="password"
            autoComplete="off"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <div class="hdnd-row">
          <button type="submit">{t('import.passwordOk')}</button>
          <button type="button" onClick={() => onAnswer(null)}>
            {t('import.passwordCancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
