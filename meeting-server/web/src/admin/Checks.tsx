// One list of checkboxes (the members of a body, the bodies of a member). With many items (a
// provincial council's delegates) a filter box narrows what is shown, typed with or without
// diacritics; the chosen ones stay chosen while hidden.
import { useId, useState } from 'preact/hooks';
import { foldText } from '../../../../shared/text/normalize';
import { t, tf } from './i18n';

/** Above this many items the list gets a filter box. */
const FILTER_FROM = 20;

export function Checks(props: {
  legend: string;
  items: { id: string; label: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const folded = foldText(filter.trim());
  const shown = folded
    ? props.items.filter((i) => foldText(i.label).includes(folded))
    : props.items;
  return (
    <fieldset class="checks">
      <legend>
        {props.legend} <span class="muted">({tf('checksChosen', { n: props.chosen.length })})</span>
      </legend>
      {props.items.length > FILTER_FROM && (
        <div class="field checks-filter">
          <label for={filterId}>{t('checksFilter')}</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
      )}
      {shown.map((item) => (
        <label key={item.id} class="check">
          <input
            type="checkbox"
            checked={props.chosen.includes(item.id)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked
                  ? [...props.chosen, item.id]
                  : props.chosen.filter((id) => id !== item.id),
              )
            }
          />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}
