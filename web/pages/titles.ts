import { type Html, html, joinHtml } from '../../core/html.js';
import type { Messages } from '../../locales/index.js';
import type { Assessment } from '../../reports/criteria.js';

/** Codes shown beside a fact before "and n more" (the review sheet shows 20 too). */
const CODES_SHOWN = 20;

export interface TitlesRow {
  name: string;
  /** The department, for a member. */
  department?: string | undefined;
  assessment: Assessment;
}

export interface TitlesView {
  t: Messages;
  year: number;
  members: readonly TitlesRow[];
  departments: readonly TitlesRow[];
  /** Entries the viewer may open (linked); the rest are shown as codes. */
  linked: boolean;
}

/**
 * Titles: who registered what, and for each the facts the store shows against every criterion of the
 * title (or of the first title of its kind, for who has not registered), with the entries behind
 * them — the review sheet's facts, on screen. Facts and open points, never a verdict.
 */
export function titlesPage(v: TitlesView): Html {
  const { t } = v;
  const h = t.desk.titles;
  const registered = (rows: readonly TitlesRow[]) => rows.filter((r) => r.assessment.registered).length;
  return html`<h1>${h.title(v.year)}</h1>
<p class="hint">${h.note}</p>
<section aria-labelledby="t-members"><h2 id="t-members">${h.members} — ${h.counts(registered(v.members), v.members.length)}</h2>
${joinHtml(
  v.members.map((r) => row(v, r)),
  '\n',
)}</section>
<section aria-labelledby="t-departments"><h2 id="t-departments">${h.departments} — ${h.counts(registered(v.departments), v.departments.length)}</h2>
${joinHtml(
  v.departments.map((r) => row(v, r)),
  '\n',
)}</section>`;
}

function row(v: TitlesView, r: TitlesRow): Html {
  const { t } = v;
  const h = t.desk.titles;
  const a = r.assessment;
  const status = a.registered
    ? html`${h.registered}: <b>${a.registered.name}</b>`
    : h.firstOfKind(a.title.name);
  const facts = joinHtml(
    a.facts.map((fact) => {
      const codes = fact.codes
        .slice(0, CODES_SHOWN)
        .map((code) =>
          v.linked
            ? html`<a href="/desk/entry/${code}"><code>${code}</code></a>`
            : html`<code>${code}</code>`,
        );
      const more = fact.codes.length > CODES_SHOWN ? h.more(fact.codes.length - CODES_SHOWN) : '';
      return html`<tr class="${fact.open ? 'open' : 'met'}"><th scope="row">${fact.criterion.short}${
        fact.criterion.check === 'toVerify' ? html`<br><small class="verify">${h.unverified}</small>` : ''
      }</th><td>${fact.measured ? fact.fact : html`<i>${h.council}</i>`}</td><td>${joinHtml(codes, ' ')}${more ? html` ${more}` : ''}</td></tr>`;
    }),
    '',
  );
  return html`<details class="subject"><summary><span class="name">${r.name}</span>${
    r.department ? html` <span class="dept">(${r.department})</span>` : ''
  } — ${status}</summary>
<table><thead><tr><th scope="col">${h.criterion}</th><th scope="col">${h.fact}</th><th scope="col">${h.entries}</th></tr></thead><tbody>${facts}</tbody></table>
</details>`;
}
