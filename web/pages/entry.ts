import type { ReviewMode } from '../../core/agency.js';
import type { Entry } from '../../core/domain.js';
import { type Html, html, joinHtml } from '../../core/html.js';
import { formatDateTime, formatDay } from '../../core/periods.js';
import { counts, entryState } from '../../core/scoring.js';
import type { Messages } from '../../locales/index.js';

/** One entry: its text, whose it is, its photos at full size, and its whole history (as /lichsu). */
export function entryPage(
  t: Messages,
  e: Entry,
  mode: ReviewMode,
  name: (id: string) => string,
  departmentName: (id: string) => string,
  backToQueue: boolean,
): Html {
  const h = t.desk.entry;
  const photos = e.photo?.length
    ? html`<section aria-labelledby="photos"><h2 id="photos">${h.photos}</h2><ul class="photos full">${joinHtml(
        e.photo.map(
          (_, i) =>
            html`<li><a href="/desk/photo/${e.code}/${i + 1}"><img src="/desk/photo/${e.code}/${i + 1}" alt="${t.desk.queue.photo(e.code, i + 1)}"></a></li>`,
        ),
        '',
      )}</ul></section>`
    : '';
  const history = joinHtml(
    e.history.map(
      (item) =>
        html`<li><time datetime="${item.at}">${formatDateTime(new Date(item.at))}</time> — ${t.history.actions[item.action]} — ${name(item.by)} (${t.history.platforms[item.platform]})${
          item.note ? html`<br><span class="note">${item.note}</span>` : ''
        }</li>`,
    ),
    '',
  );
  return html`<h1>${h.title(e.code)} · ${t.kind[e.kind]} · ${t.points(e.points)}</h1>
<p class="meta">${t.desk.queue.by(name(e.memberId), departmentName(e.departmentId))} · ${formatDay(new Date(e.at))}${
    e.reporterId !== e.memberId ? html` · ${t.desk.queue.reportedBy(name(e.reporterId))}` : ''
  }</p>
<p class="state">${t.states[entryState(e)]}, ${t.counting(counts(e, mode))}</p>
<p class="text">${e.text}</p>
${photos}
<section aria-labelledby="history"><h2 id="history">${h.history}</h2><ol class="history">${history}</ol></section>
${backToQueue ? html`<p><a href="/desk/queue">← ${h.back}</a></p>` : ''}`;
}
