// The participation table (theo dõi việc tham gia của đại biểu) for the standing committee: every
// delegate of the council for a period, filtered by delegate group and committee, sorted by any
// column, and the same table as an .xlsx workbook or a .docx report. The figures come from the
// server (shared/participation.ts), computed from what was recorded; nothing is typed here.
import { useMemo, useState } from 'preact/hooks';
import { pathOf } from '../../../../shared/api-client';
import {
  PARTICIPATION_COLUMNS,
  type ParticipationQuery,
  type ParticipationSummary,
} from '../../../../shared/participation';
import { participationRoutes } from '../../../../shared/routes/participation';
import { call } from './api';
import { lang, t, tf } from './i18n';
import { Link } from './Link';
import { useLoad } from './use-load';

const collator = () => new Intl.Collator(lang.value === 'vi' ? 'vi' : 'en', { numeric: true });

export function ParticipationPage({ councilId }: { councilId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<ParticipationQuery>({});
  const [group, setGroup] = useState('');
  const [committee, setCommittee] = useState('');
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'name', desc: false });
  const [table] = useLoad(
    () => call(participationRoutes.participationTable, { params: { councilId }, query: period }),
    [councilId, period.from, period.to],
  );

  const rows = table?.rows ?? [];
  const groups = [...new Set(rows.map((r) => r.delegateGroup).filter((g): g is string => !!g))];
  const committees = [...new Set(rows.flatMap((r) => r.committees))];
  const shown = useMemo(() => {
    const column = PARTICIPATION_COLUMNS.find((c) => c.key === sort.key)!;
    const cmp = collator();
    const value = (r: ParticipationSummary) => column.value(r);
    return rows
      .filter((r) => !group || r.delegateGroup === group)
      .filter((r) => !committee || r.committees.includes(committee))
      .sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const d =
          typeof x === 'number' && typeof y === 'number'
            ? x - y
            : cmp.compare(String(x), String(y));
        return (sort.desc ? -d : d) || cmp.compare(a.name, b.name);
      });
  }, [rows, group, committee, sort.key, sort.desc, lang.value]);

  const xlsx = pathOf(participationRoutes.participationXlsx, {
    params: { councilId },
    query: period,
  });
  const docx = pathOf(participationRoutes.participationDocx, {
    params: { councilId },
    query: period,
  });
  return (
    <>
      <p>
        <Link to={`/admin/councils/${encodeURIComponent(councilId)}`}>
          ← {table?.councilName ?? ''}
        </Link>
      </p>
      <h2 class="page-title">{t('partTitle')}</h2>
      <p class="muted">{t('partHint')}</p>
      <form
        class="card actions wrap"
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
        }}
      >
        <label>
          {t('partFrom')}{' '}
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('partTo')}{' '}
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('partShow')}</button>
        <label>
          {t('partGroupFilter')}{' '}
          <select value={group} onChange={(e) => setGroup(e.currentTarget.value)}>
            <option value="">{t('partAllGroups')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('partCommitteeFilter')}{' '}
          <select value={committee} onChange={(e) => setCommittee(e.currentTarget.value)}>
            <option value="">{t('partAllCommittees')}</option>
            {committees.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <a class="button" href={xlsx} download>
          {t('partDownload')}
        </a>
        <a class="button" href={docx} download>
          {t('partReport')}
        </a>
      </form>
      {table && (
        <section class="card" aria-labelledby="part-table">
          <h2 id="part-table">
            {tf('partShown', { n: shown.length })} <span class="muted">{t('partSortHint')}</span>
          </h2>
          <div class="table-scroll" role="region" aria-label={t('partTitle')} tabIndex={0}>
            <table data-testid="participation-table">
              <thead>
                <tr>
                  {PARTICIPATION_COLUMNS.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={
                        sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined
                      }
                    >
                      <button
                        type="button"
                        class="link"
                        onClick={() =>
                          setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : false })
                        }
                      >
                        {c[lang.value]}
                        {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.memberId}>
                    {PARTICIPATION_COLUMNS.map((c) => (
                      <td key={c.key}>{c.value(r)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
