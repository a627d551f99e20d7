// A voter's written petition (kiến nghị cử tri): name, ward, contact and the text, sent to the
// meeting; the form confirms what the server accepted and keeps the text on failure.
import { useState } from 'preact/hooks';
import type { LiveMeeting } from '../live';
import { t, tr } from '../i18n';
import { checkDisplayName } from '../../../../shared/text/display-name';
import { errorText, notify } from '../notice';
import { formatPetitionRef } from '../../../../shared/petition-ref';

export function PetitionForm({ live, name: defaultName }: { live: LiveMeeting; name: string }) {
  const [name, setName] = useState(defaultName);
  const [ward, setWard] = useState('');
  const [contact, setContact] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The reference number of the petition just sent (shown until the voter writes another). */
  const [sent, setSent] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkDisplayName(name, 120);
    if (!checked.ok) {
      setError(tr(checked.message));
      return;
    }
    if (text.trim().length < 10) {
      setError(t('petitionEmpty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const receipt = await live.api.sendPetition({
        name: checked.name,
        text: text.trim(),
        ...(ward.trim() ? { ward: ward.trim() } : {}),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      });
      setText('');
      setSent(formatPetitionRef(receipt.ref));
      notify('ok', t('petitionSent'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card petition" onSubmit={submit} aria-labelledby="petition-title">
      <h2 id="petition-title">{t('petition')}</h2>
      <label for="p-name">{t('yourName')}</label>
      <input
        id="p-name"
        value={name}
        required
        maxLength={80}
        autoComplete="name"
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for="p-ward">{t('ward')}</label>
      <input
        id="p-ward"
        value={ward}
        maxLength={120}
        onInput={(e) => setWard(e.currentTarget.value)}
      />
      <label for="p-contact">{t('contact')}</label>
      <input
        id="p-contact"
        value={contact}
        maxLength={200}
        autoComplete="tel"
        onInput={(e) => setContact(e.currentTarget.value)}
      />
      <label for="p-text">{t('petitionText')}</label>
      <textarea
        id="p-text"
        value={text}
        rows={5}
        minLength={10}
        maxLength={5000}
        required
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSent(null);
        }}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {sent && (
        <div class="ok-text petition-receipt" role="status">
          <p>{t('petitionSent')}</p>
          <p>
            {t('petitionRef')} <strong data-testid="petition-ref">{sent}</strong>
          </p>
          <p>
            {t('petitionRefHint')}{' '}
            <a href={`/cong-khai?ma=${encodeURIComponent(sent)}`} target="_blank" rel="noopener">
              {t('petitionRefPortal')}
            </a>
          </p>
        </div>
      )}
      <button class="primary big" type="submit" disabled={busy}>
        {busy ? t('sending') : t('send')}
      </button>
    </form>
  );
}
