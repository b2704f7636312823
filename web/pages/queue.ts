import { isOwnEntry } from '../../core/access.js';
import type { AgencyConfig } from '../../core/agency.js';
import type { Entry, EntryKind } from '../../core/domain.js';
import { type Html, html, joinHtml } from '../../core/html.js';
import { formatDay } from '../../core/periods.js';
import type { Messages } from '../../locales/index.js';
import { pager } from './layout.js';

export const KINDS: readonly EntryKind[] = ['deed', 'task', 'initiative'];

export interface QueueView {
  t: Messages;
  agency: AgencyConfig;
  /** This page's entries, oldest first. */
  entries: readonly Entry[];
  /** Entries matching the filter, and all awaiting review. */
  matching: number;
  all: number;
  filter: {
    dept?: string | undefined;
    kind?: EntryKind | undefined;
    from?: string | undefined;
    to?: string | undefined;
  };
  params: URLSearchParams;
  pageNo: number;
  pages: number;
  name(memberId: string): string;
  departmentName(id: string): string;
  viewerMemberId: string | undefined;
  csrf: string;
  /** The form's own key: sent twice, its decisions are made once. */
  nonce: string;
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

/**
 * The Council's queue: every entry awaiting review with its text, whose it is, its photos, and the
 * decisions — one at a time or for every entry ticked. One form, so it works with a keyboard and
 * without script; the script only adds "select all".
 */
export function queuePage(v: QueueView): Html {
  const { t, filter } = v;
  const q = t.desk.queue;
  const filters = html`<form class="filters" method="get" action="/desk/queue" aria-label="${q.filters}">
<label>${q.department}<select name="dept">${option('', q.all, !filter.dept)}${joinHtml(
    v.agency.departments.map((d) => option(d.id, d.name, filter.dept === d.id)),
    '',
  )}</select></label>
<label>${q.kind}<select name="kind">${option('', q.all, !filter.kind)}${joinHtml(
    KINDS.map((k) => option(k, t.kind[k], filter.kind === k)),
    '',
  )}</select></label>
<label>${q.from}<input type="date" name="from" value="${filter.from ?? ''}"></label>
<label>${q.to}<input type="date" name="to" value="${filter.to ?? ''}"></label>
<button type="submit">${q.apply}</button>
<a href="/desk/queue">${q.clear}</a>
</form>`;
  const back = `/desk/queue${v.params.size ? `?${v.params.toString()}` : ''}`;
  const reasons = html`<datalist id="reasons">${joinHtml(
    t.review.reasons.map((r) => html`<option value="${r}"></option>`),
    '',
  )}</datalist>`;
  const items = v.entries.map((e) => entryItem(v, e));
  const list = items.length
    ? html`<form method="post" action="/desk/queue" class="decide">
<input type="hidden" name="_csrf" value="${v.csrf}">
<input type="hidden" name="_nonce" value="${v.nonce}">
<input type="hidden" name="back" value="${back}">
${reasons}
<fieldset class="bulk"><legend>${q.bulk}</legend>
<label class="check"><input type="checkbox" data-select-all> ${q.selectAll}</label>
<label>${q.reason}<input name="bulkReason" list="reasons" maxlength="300" aria-describedby="reason-hint"></label>
<div class="buttons"><button type="submit" name="action" value="approve-selected" class="primary">${q.bulkApprove}</button>
<button type="submit" name="action" value="reject-selected">${q.bulkReject}</button></div>
<p id="reason-hint" class="hint">${q.reasonHint}</p>
</fieldset>
<ol class="entries">${joinHtml(items, '\n')}</ol>
</form>`
    : html`<p class="empty">${q.none}</p>`;
  return html`<h1>${q.title}</h1>
${filters}
<p class="count">${q.count(v.matching, v.all)}</p>
${list}
${pager(t, '/desk/queue', v.params, v.pageNo, v.pages)}`;
}

function entryItem(v: QueueView, e: Entry): Html {
  const { t } = v;
  const q = t.desk.queue;
  const id = `e-${e.code}`;
  const own = isOwnEntry(e, v.viewerMemberId);
  const photos = e.photo?.length
    ? html`<ul class="photos" aria-label="${q.photos(e.photo.length)}">${joinHtml(
        e.photo.map(
          (_, i) =>
            html`<li><a href="/desk/photo/${e.code}/${i + 1}"><img src="/desk/photo/${e.code}/${i + 1}" alt="${q.photo(e.code, i + 1)}" loading="lazy" width="160" height="120"></a></li>`,
        ),
        '',
      )}</ul>`
    : '';
  const actions = own
    ? html`<p class="hint">${q.own}</p>`
    : html`<div class="actions">
<button type="submit" name="approve" value="${e.code}" class="primary">${q.approve}</button>
<label for="r-${e.code}">${q.reason}</label>
<input id="r-${e.code}" name="reason-${e.code}" list="reasons" maxlength="300" placeholder="${q.reason}">
<button type="submit" name="reject" value="${e.code}">${q.reject}</button>
</div>`;
  return html`<li><article class="entry" aria-labelledby="${id}">
<header>${own ? '' : html`<input type="checkbox" name="code" value="${e.code}" aria-label="${q.select(e.code)}">`}
<h2 id="${id}"><code>${e.code}</code> · ${t.kind[e.kind]} · ${t.points(e.points)}</h2></header>
<p class="meta">${q.by(v.name(e.memberId), v.departmentName(e.departmentId))} · ${formatDay(new Date(e.at))}${
    e.reporterId !== e.memberId ? html` · ${q.reportedBy(v.name(e.reporterId))}` : ''
  } · <a href="/desk/entry/${e.code}">${q.history}</a></p>
<p class="text">${e.text}</p>
${photos}
${actions}
</article></li>`;
}
