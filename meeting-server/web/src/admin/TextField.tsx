// A labelled text input (name, e-mail, password, number…): the one way the staff app's forms ask
// for a value, so every field has its label, its autocomplete hint and an optional help line.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';

export function TextField(
  props: {
    label: string;
    value: string;
    onValue: (v: string) => void;
    hint?: string;
  } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'label'>,
) {
  const { label, value, onValue, hint, id: given, ...input } = props;
  const auto = useId();
  const id = (given as string | undefined) ?? auto;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} class="muted">
          {hint}
        </p>
      )}
    </div>
  );
}
