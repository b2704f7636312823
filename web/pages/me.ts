import type { MemberRecord } from '../../commands/lib/mine.js';
import { rejectionReason } from '../../commands/lib/mine.js';
import type { ReviewMode } from '../../core/agency.js';
import type { Entry } from '../../core/domain.js';
import { type Html, type HtmlPart, html, joinHtml } from '../../core/html.js';
import { formatDay } from '../../core/periods.js';
import { counts, entryState } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';
import { pager } from './layout.js';

export interface MeView {
  t: Messages;
  name: string;
  mode: ReviewMode;
  /** The period box's text, and the period read from it. */
  asked: string;
  title: string;
  problem?: HtmlPart;
  record: MemberRecord;
  /** This page's entries, newest first. */
  entries: readonly Entry[];
  params: URLSearchParams;
  pageNo: number;
  pages: number;
  memberId: string;
  reporterName(id: string): string;
  registration: { year: number; title: string | undefined };
  draft: string;
}

/** A member's own page: their entries with statuses, their rank, their registration, their report draft. */
export function mePage(v: MeView): Html {
  const { t } = v;
  const m = t.desk.me;
  const score = v.record.score;
  const rows = v.entries.map((e) => {
    const reason = rejectionReason(e);
    return html`<tr><td><a href="/desk/entry/${e.code}"><code>${e.code}</code></a></td><td>${formatDay(new Date(e.at))}</td><td>${t.kind[e.kind]}</td><td class="num">${t.number(e.points)}</td><td class="text">${e.text}${
      e.reporterId !== v.memberId
        ? html`<br><small>${m.reportedBy(v.reporterName(e.reporterId))}</small>`
        : ''
    }</td><td>${t.states[entryState(e)]}, ${t.counting(counts(e, v.mode))}${reason ? html`<br><small>${m.reason(reason)}</small>` : ''}</td></tr>`;
  });
  return html`<h1>${m.title(v.name)} — ${v.title}</h1>
<form class="filters" method="get" action="/desk/me">
<label>${t.desk.figures.period}<input name="period" value="${v.asked}" maxlength="40"></label>
<button type="submit">${t.desk.figures.show}</button>
</form>
${v.problem ? html`<p class="notice" role="alert">${v.problem}</p>` : ''}
<ul class="totals">
<li>${m.total(t.points(score?.points ?? 0), score?.entries ?? 0)}</li>
<li>${score && score.rank > 0 ? m.rank(score.rank, v.record.ranked) : m.unranked}</li>
${v.record.reportedForOthers > 0 ? html`<li>${t.mine.reportedForOthers(v.record.reportedForOthers)}</li>` : ''}
</ul>
<section aria-labelledby="me-entries"><h2 id="me-entries">${m.entries}</h2>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">${m.code}</th><th scope="col">${m.day}</th><th scope="col">${m.kind}</th><th scope="col" class="num">${t.desk.figures.points}</th><th scope="col">${m.text}</th><th scope="col">${m.state}</th></tr></thead><tbody>${joinHtml(rows, '')}</tbody></table>`
    : html`<p class="empty">${m.none}</p>`
}
${pager(t, '/desk/me', v.params, v.pageNo, v.pages)}</section>
<section aria-labelledby="me-title"><h2 id="me-title">${m.registration(v.registration.year)}</h2>
<p>${v.registration.title ? m.registeredAs(v.registration.title) : m.notRegistered}</p>
<p><a class="button" href="${v.draft}" download>${m.draft(v.registration.year)}</a></p></section>`;
}
