import type { Standings } from '../../commands/lib/leaderboard.js';
import type { Progress } from '../../commands/posts/plan.js';
import type { AgencyConfig } from '../../core/agency.js';
import type { Figures } from '../../core/figures.js';
import { type Html, type HtmlPart, html, joinHtml } from '../../core/html.js';
import type { MemberScore } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';

/** The words of each preset, as core/periods.ts reads them (folded: `tuan truoc` is `tuần trước`). */
export const PRESETS = {
  week: 'tuan',
  lastWeek: 'tuan truoc',
  month: 'thang',
  quarter: 'quy',
  year: 'nam',
} as const;

export interface FiguresView {
  t: Messages;
  agency: AgencyConfig;
  /** What the period box holds, and the period read from it (title with its dates). */
  asked: string;
  title: string;
  /** A period that could not be read: said, and this week shown instead. */
  problem?: HtmlPart;
  standings: Standings;
  /** Every member with points (the Council and admins); others see the top, as in /bangxephang. */
  everyone?: readonly MemberScore[] | undefined;
  pendingNote: HtmlPart;
  plan?: { title: string; progress: readonly Progress[]; asOf?: string | undefined } | undefined;
  /** The period's summary, for admins (as /tonghop). */
  summary?: Figures | undefined;
  chart: string;
  /** Report files, for admins. */
  files?: { href: string; label: string }[] | undefined;
  departmentName(id: string): string;
}

/** The year in figures: the plan's targets, the standings of any period, its chart and its files. */
export function figuresPage(v: FiguresView): Html {
  const { t } = v;
  const f = t.desk.figures;
  const presets = joinHtml(
    (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map(
      (k) =>
        html`<li><a href="/desk/figures?period=${encodeURIComponent(PRESETS[k])}">${f.presets[k]}</a></li>`,
    ),
    '',
  );
  const form = html`<form class="filters" method="get" action="/desk/figures">
<label>${f.period}<input name="period" value="${v.asked}" maxlength="40" aria-describedby="period-hint"></label>
<button type="submit">${f.show}</button>
<p id="period-hint" class="hint">${f.periodHint}</p>
</form>
<ul class="presets">${presets}</ul>`;
  const plan = v.plan
    ? html`<section aria-labelledby="plan"><h2 id="plan">${f.plan(v.plan.title, v.plan.asOf)}</h2>
<table><thead><tr><th scope="col">${f.target}</th><th scope="col">${f.progress}</th></tr></thead><tbody>${joinHtml(
        v.plan.progress.map(
          (p) =>
            html`<tr class="${p.state}"><th scope="row">${p.title}</th><td><meter min="0" max="1" low="0.5" high="0.99" optimum="1" value="${p.ratio.toFixed(3)}">${Math.round(p.ratio * 100)}%</meter> ${p.display}<br><small>${f.states[p.state]}</small></td></tr>`,
        ),
        '',
      )}</tbody></table></section>`
    : '';
  const members = v.everyone ?? v.standings.top;
  const memberTable = members.length
    ? html`<table><thead><tr><th scope="col">${f.rank}</th><th scope="col">${f.name}</th><th scope="col">${f.department}</th><th scope="col" class="num">${f.points}</th><th scope="col" class="num">${f.entries}</th></tr></thead><tbody>${joinHtml(
        members.map(
          (s) =>
            html`<tr><td>${s.rank}</td><th scope="row">${s.member.fullName}</th><td>${v.departmentName(s.member.departmentId)}</td><td class="num">${t.number(s.points)}</td><td class="num">${s.entries}</td></tr>`,
        ),
        '',
      )}</tbody></table>`
    : html`<p class="empty">${f.noPoints}</p>`;
  const departments = html`<table><thead><tr><th scope="col">${f.rank}</th><th scope="col">${f.department}</th><th scope="col" class="num">${f.perMember}</th><th scope="col" class="num">${f.points}</th><th scope="col" class="num">${f.memberCount}</th></tr></thead><tbody>${joinHtml(
    v.standings.departments.map(
      (d) =>
        html`<tr><td>${d.rank || '–'}</td><th scope="row">${d.department.name}</th><td class="num">${t.number(d.perMember)}</td><td class="num">${t.number(d.points)}</td><td class="num">${d.members}</td></tr>`,
    ),
    '',
  )}</tbody></table>`;
  const s = v.summary;
  const summary = s
    ? html`<section aria-labelledby="summary"><h2 id="summary">${f.summary}</h2><ul>${joinHtml(
        [
          ...s.byKind.map((k) => html`<li>${f.kindLine(t.kind[k.kind], k.count, t.points(k.points))}</li>`),
          html`<li>${f.participation(s.participants, s.members, t.percent(s.participants, s.members))}</li>`,
          html`<li>${f.review(s.review.approved, s.review.rejected, s.review.pending)}</li>`,
        ],
        '',
      )}</ul></section>`
    : '';
  const files = v.files?.length
    ? html`<section aria-labelledby="files"><h2 id="files">${f.files}</h2><ul class="files">${joinHtml(
        v.files.map(
          (file) => html`<li><a class="button" href="${file.href}" download>${file.label}</a></li>`,
        ),
        '',
      )}</ul><p class="hint">${f.fileNote}</p></section>`
    : '';
  return html`<h1>${f.title} — ${v.title}</h1>
${form}
${v.problem ? html`<p class="notice" role="alert">${v.problem}</p>` : ''}
${plan}
<section aria-labelledby="members"><h2 id="members">${v.everyone ? f.allMembers(v.everyone.length) : t.leaderboard.members(v.standings.asked)}</h2>${memberTable}</section>
<section aria-labelledby="departments"><h2 id="departments">${f.departments}</h2>${departments}<p class="hint">${v.pendingNote}</p></section>
${summary}
<section aria-labelledby="chart"><h2 id="chart">${f.chart}</h2><img class="chart" src="${v.chart}" alt="${f.chart}: ${v.title}"></section>
${files}`;
}
