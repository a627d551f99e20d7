// The one table of delegates' details, used by the council's member list and by the import
// preview (same columns: name, date of birth, delegate group, bodies or committees, unit, phone,
// e-mail), with extra columns before and after (the row's line, its errors, its actions).
import type { ComponentChildren } from 'preact';
import { t } from './i18n';

/** What a row shows in the shared columns. */
export interface MemberCells {
  fullName: string;
  dateOfBirth: string | null;
  delegateGroup: string | null;
  bodies: string;
  unit: string | null;
  phone: string | null;
  email: string | null;
}

export interface Column<T> {
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  class?: (row: T) => string | undefined;
}

/** A calendar date `yyyy-mm-dd` as Vietnamese offices write it: dd/mm/yyyy. */
export const isoDateText = (iso: string) => iso.split('-').reverse().join('/');

export function MemberTable<T>(props: {
  /** Names the table's scrollable region (it can be scrolled with the keyboard). */
  label: string;
  rows: T[];
  rowKey: (row: T) => string | number;
  cells: (row: T) => MemberCells;
  /** Header of the bodies column ("Thuộc cơ quan" for members, "Ban" in a preview). */
  bodiesHeader: string;
  before?: Column<T>[];
  after?: Column<T>[];
  rowClass?: (row: T) => string | undefined;
}) {
  const before = props.before ?? [];
  const after = props.after ?? [];
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {before.map((c, i) => (
              <th key={`b${i}`} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">{t('fullName')}</th>
            <th scope="col">{t('dateOfBirth')}</th>
            <th scope="col">{t('delegateGroup')}</th>
            <th scope="col">{props.bodiesHeader}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('phone')}</th>
            <th scope="col">{t('email')}</th>
            {after.map((c, i) => (
              <th key={`a${i}`} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const m = props.cells(row);
            return (
              <tr key={props.rowKey(row)} class={props.rowClass?.(row)}>
                {before.map((c, i) => (
                  <td key={`b${i}`} class={c.class?.(row)}>
                    {c.cell(row)}
                  </td>
                ))}
                <td>{m.fullName || '—'}</td>
                <td>{m.dateOfBirth ? isoDateText(m.dateOfBirth) : '—'}</td>
                <td>{m.delegateGroup ?? '—'}</td>
                <td>{m.bodies || '—'}</td>
                <td>{m.unit ?? '—'}</td>
                <td>{m.phone ?? '—'}</td>
                <td>{m.email ?? '—'}</td>
                {after.map((c, i) => (
                  <td key={`a${i}`} class={c.class?.(row)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
