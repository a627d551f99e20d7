// A new password with its strength meter and what to change (the same rule the server applies).
import { useId } from 'preact/hooks';
import { passwordStrength } from '../../../../shared/password-strength';
import { lang, t, type Key } from './i18n';

export function PasswordField(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  personal: string[];
}) {
  const id = useId();
  const s = passwordStrength(props.value, props.personal);
  const level = `strength${s.score}` as Key;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        autocomplete="new-password"
        required
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-describedby={`${id}-meter ${id}-hints`}
      />
      <div id={`${id}-meter`} class="meter" data-score={s.score}>
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={s.score}
          aria-label={t('strength')}
        />
        <span>
          {t('strength')}: <strong>{props.value ? t(level) : '—'}</strong>
        </span>
      </div>
      <ul id={`${id}-hints`} class="hints">
        {props.value && s.hints.map((h) => <li key={h.en}>{h[lang.value]}</li>)}
      </ul>
    </div>
  );
}
