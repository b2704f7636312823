import { type Html, type HtmlPart, html, joinHtml } from '../../core/html.js';
import type { Messages } from '../../locales/index.js';
import type { Assessment } from '../../reports/criteria.js';

/*
 * The Council's meeting on the desk, for the screen everyone looks at: the meeting as recorded (when,
 * where, who is present), each award's list with how it is voted and the share it needs, each case
 * with its facts against every criterion, and each vote's results once it closes — the same records
 * and the same rules as /hop, /mophieu and /dongphieu (core/meeting.ts). And the electronic secret
 * ballot on a member's phone: the names with Đồng ý / Không đồng ý, sent once to castBallot, never
 * shown again. Facts and counts only: the Council concludes.
 */

export interface MeetingInfo {
  no: number;
  open: boolean;
  when: string;
  place: string;
  present: number;
  total: number;
  absent: readonly { name: string; reason?: string | undefined }[];
  conclusion?: string | undefined;
}

export interface ResultRow {
  name: string;
  agree: number;
  disagree: number;
  writtenAgree: number;
  total: number;
  share: string;
  meets: boolean;
}

export interface RoundView {
  no: number;
  method: string;
  status: 'open' | 'closed' | 'void';
  /** Electronic: how many of those present have voted (never who chose what). */
  cast?: { done: number; of: number } | undefined;
  /** Once closed. */
  results?: readonly ResultRow[] | undefined;
  ballots?: { issued: number; returned: number; valid: number } | undefined;
  written: number;
}

export interface AwardView {
  id: string;
  name: string;
  decider: string;
  vote: string;
  threshold: string;
  toVerify: boolean;
  source: string;
  cases: readonly { n: number; name: string }[];
  rounds: readonly RoundView[];
}

export interface CaseView {
  n: number;
  of: number;
  award: string;
  index: number;
  within: number;
  name: string;
  department: string;
  registered: string | undefined;
  rating: string | undefined;
  approved: string;
  origin: string;
  note: string;
  assessment: Assessment | undefined;
}

export interface MeetingView {
  t: Messages;
  year: number;
  meeting: MeetingInfo | undefined;
  awards: readonly AwardView[];
  /** Open electronic votes the viewer may still cast. */
  ballots: readonly { no: number; award: string }[];
}

export function meetingPage(v: MeetingView): Html {
  const { t } = v;
  const h = t.desk.meeting;
  const m = v.meeting;
  const head = m
    ? html`<p class="lead">${h.session(m.no, m.when, m.place)} — <b>${m.open ? h.open : h.closed}</b></p>
<p>${h.attendance(m.present, m.total)}${
        m.absent.length
          ? html` ${h.absent}: ${joinHtml(
              m.absent.map((a) => html`${a.name}${a.reason ? html` (${a.reason})` : ''}`),
              '; ',
            )}.`
          : ''
      }</p>${m.conclusion ? html`<p>${h.conclusion}: ${m.conclusion}</p>` : ''}`
    : html`<p class="notice">${h.none(v.year)}</p>`;
  const ballots = v.ballots.length
    ? html`<section class="ballots" aria-labelledby="m-ballots"><h2 id="m-ballots">${h.yourBallot}</h2><ul>${joinHtml(
        v.ballots.map(
          (b) => html`<li><a class="button" href="/desk/ballot/${b.no}">${h.voteIn(b.no, b.award)}</a></li>`,
        ),
        '',
      )}</ul></section>`
    : '';
  const awards = v.awards.filter((a) => a.cases.length || a.rounds.length);
  return html`<h1>${h.title(v.year)}</h1>
${head}
${ballots}
${awards.length ? '' : html`<p>${h.noLists}</p>`}
${joinHtml(
  awards.map((a) => awardSection(t, a)),
  '\n',
)}
<p class="hint">${h.note}</p>`;
}

function awardSection(t: Messages, a: AwardView): Html {
  const h = t.desk.meeting;
  return html`<section class="award" aria-labelledby="award-${a.id}">
<h2 id="award-${a.id}">${a.name}</h2>
<p>${a.decider}; ${a.vote}; ${h.threshold(a.threshold)} <small class="${a.toVerify ? 'verify' : ''}">(${a.source}${a.toVerify ? html`; ${h.toVerify}` : ''})</small></p>
<ol class="cases">${joinHtml(
    a.cases.map((c) => html`<li><a href="/desk/meeting?case=${c.n}">${c.name}</a></li>`),
    '',
  )}</ol>
${joinHtml(
  a.rounds.map((r) => roundBlock(t, r)),
  '\n',
)}
</section>`;
}

function roundBlock(t: Messages, r: RoundView): Html {
  const h = t.desk.meeting;
  const state =
    r.status === 'open'
      ? html`${h.voting}${r.cast ? html` — ${h.cast(r.cast.done, r.cast.of)}` : ''}`
      : r.status === 'void'
        ? h.void
        : h.closedRound;
  const table = r.results
    ? html`${r.ballots ? html`<p>${h.ballots(r.ballots.issued, r.ballots.returned, r.ballots.valid)}</p>` : ''}${
        r.written ? html`<p>${h.written(r.written)}</p>` : ''
      }<table class="results"><caption>${h.resultsOf(r.no)}</caption><thead><tr><th scope="col">${h.name}</th><th scope="col">${h.agree}</th><th scope="col">${h.disagree}</th><th scope="col">${h.ofAll}</th><th scope="col">${h.share}</th><th scope="col">${h.reached}</th></tr></thead><tbody>${joinHtml(
        r.results.map(
          (x) =>
            html`<tr class="${x.meets ? 'met' : 'open'}"><th scope="row">${x.name}</th><td>${x.agree}${
              x.writtenAgree ? html` (+${x.writtenAgree} ${h.inWriting})` : ''
            }</td><td>${x.disagree}</td><td>${x.total}</td><td>${x.share}</td><td>${x.meets ? h.meets : h.below}</td></tr>`,
        ),
        '',
      )}</tbody></table>`
    : '';
  return html`<div class="round"><h3>${h.round(r.no, r.method)}: ${state}</h3>${table}</div>`;
}

/** One case of the lists, as the Council looks at it: who, what is on record, each criterion's facts. */
export function casePage(t: Messages, c: CaseView): Html {
  const h = t.desk.meeting;
  const facts = c.assessment
    ? html`<table class="facts"><caption>${h.criteriaOf(c.assessment.title.name)}</caption><thead><tr><th scope="col">${t.desk.titles.criterion}</th><th scope="col">${t.desk.titles.fact}</th><th scope="col">${t.desk.titles.entries}</th></tr></thead><tbody>${joinHtml(
        c.assessment.facts.map(
          (f) =>
            html`<tr class="${f.open ? 'open' : 'met'}"><th scope="row">${f.criterion.short}${
              f.criterion.check === 'toVerify'
                ? html`<br><small class="verify">${t.desk.titles.unverified}</small>`
                : ''
            }</th><td>${f.measured ? f.fact : html`<i>${t.desk.titles.council}</i>`}</td><td>${joinHtml(
              f.codes
                .slice(0, 20)
                .map((code) => html`<a href="/desk/entry/${code}"><code>${code}</code></a>`),
              ' ',
            )}</td></tr>`,
        ),
        '',
      )}</tbody></table>`
    : '';
  const nav: HtmlPart[] = [
    c.n > 1 ? html`<a rel="prev" href="/desk/meeting?case=${c.n - 1}">← ${h.previous}</a>` : '',
    html`<a href="/desk/meeting">${h.back}</a>`,
    c.n < c.of ? html`<a rel="next" href="/desk/meeting?case=${c.n + 1}">${h.next} →</a>` : '',
  ];
  return html`<p class="hint">${h.caseOf(c.n, c.of)} — ${c.award} (${c.index}/${c.within})</p>
<h1>${c.name}</h1>
<dl class="case">
<dt>${h.department}</dt><dd>${c.department}</dd>
<dt>${h.registered}</dt><dd>${c.registered ?? h.notRegistered}</dd>
<dt>${h.rating}</dt><dd>${c.rating ?? h.noRating}</dd>
<dt>${h.approved}</dt><dd>${c.approved}</dd>
<dt>${h.origin}</dt><dd>${c.origin}${c.note ? html` — ${c.note}` : ''}</dd>
</dl>
${facts}
<nav class="pager" aria-label="${h.cases}">${joinHtml(nav, ' ')}</nav>`;
}

export interface BallotView {
  t: Messages;
  no: number;
  award: string;
  candidates: readonly string[];
  csrf: string;
  nonce: string;
}

/**
 * The electronic secret ballot on a member's phone: one fieldset per name (Đồng ý / Không đồng ý,
 * nothing chosen beforehand), then Gửi phiếu. A plain form: it works with a keyboard and without the
 * script, and the choice travels only in this one request to the bot's own server.
 */
export function ballotPage(v: BallotView): Html {
  const { t } = v;
  const h = t.desk.meeting;
  return html`<h1>${h.ballotTitle(v.no, v.award)}</h1>
<p class="hint">${h.ballotPrivacy}</p>
<form method="post" action="/desk/ballot/${v.no}" class="ballot">
<input type="hidden" name="_csrf" value="${v.csrf}">
<input type="hidden" name="_nonce" value="${v.nonce}">
${joinHtml(
  v.candidates.map(
    (name, i) => html`<fieldset><legend>${i + 1}. ${name}</legend>
<label><input type="radio" name="c${i + 1}" value="d" required> ${h.agree}</label>
<label><input type="radio" name="c${i + 1}" value="k" required> ${h.disagree}</label>
</fieldset>`,
  ),
  '\n',
)}
<p class="hint">${h.ballotCheck}</p>
<button type="submit" class="primary">${h.send}</button>
</form>`;
}
