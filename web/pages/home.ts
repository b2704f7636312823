import { type Html, html, joinHtml } from '../../core/html.js';
import type { Messages } from '../../locales/index.js';
import { SECTION_PATHS, type Section } from './layout.js';

export interface HomeView {
  t: Messages;
  name: string;
  roles: { admin: boolean; council: boolean; member: boolean };
  sections: readonly Section[];
  /** Entries awaiting review, for those who review. */
  pending?: number | undefined;
  /** The member's week, for members. */
  week?: string | undefined;
  /** Open electronic votes a Council member may still cast. */
  ballots?: number | undefined;
}

/** Where the desk opens: who is signed in, and a card for each section they may open. */
export function homePage(v: HomeView): Html {
  const { t } = v;
  const roles = [
    v.roles.admin && t.desk.home.roles.admin,
    v.roles.council && t.desk.home.roles.council,
    v.roles.member && !v.roles.admin && !v.roles.council && t.desk.home.roles.member,
  ].filter((r): r is string => typeof r === 'string');
  const detail = (s: Section) =>
    s === 'queue' && v.pending !== undefined
      ? t.desk.home.pending(v.pending)
      : s === 'me'
        ? (v.week ?? '')
        : s === 'meeting' && v.ballots
          ? t.desk.home.ballots(v.ballots)
          : '';
  const cards = v.sections
    .filter((s) => s !== 'home')
    .map(
      (s) =>
        html`<li><a class="card" href="${SECTION_PATHS[s]}"><strong>${t.desk.nav[s]}</strong>${
          detail(s) ? html`<span>${detail(s)}</span>` : ''
        }</a></li>`,
    );
  return html`<h1>${t.desk.home.greeting(v.name)}</h1>
<p class="roles">${roles.join(' · ')}</p>
<ul class="cards">${joinHtml(cards, '')}</ul>`;
}
