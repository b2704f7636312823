import { type Html, type HtmlPart, html, joinHtml } from '../../core/html.js';
import type { Messages } from '../../locales/index.js';

/** The desk's sections, in the order of the navigation. */
export type Section = 'home' | 'queue' | 'figures' | 'titles' | 'meeting' | 'me';

export const SECTION_PATHS: Record<Section, string> = {
  home: '/desk',
  queue: '/desk/queue',
  figures: '/desk/figures',
  titles: '/desk/titles',
  meeting: '/desk/meeting',
  me: '/desk/me',
};

/** What every page of a signed-in person carries. */
export interface Frame {
  t: Messages;
  agencyName: string;
  /** Versioned addresses of the script and the style sheet. */
  assets: { script: string; style: string };
  /** The person and what they may open; absent on the sign-in and refusal pages. */
  who?: {
    name: string;
    sections: readonly Section[];
    csrf: string;
    /** Answers of the last action (chat markup: <b>, <i>, <code>), shown once. */
    flash: readonly Html[];
  };
}

/**
 * A whole page: server-rendered, no inline script or style (the Content-Security-Policy forbids
 * them), one script and one style sheet of our own. Skip link, landmarks, the current section marked.
 */
export function page(frame: Frame, title: string, current: Section | undefined, body: Html): Html {
  const { t, who } = frame;
  const nav = who
    ? html`<nav class="sections" aria-label="${t.desk.title}"><ul>${joinHtml(
        who.sections.map(
          (s) =>
            html`<li><a href="${SECTION_PATHS[s]}"${s === current ? html` aria-current="page"` : ''}>${t.desk.nav[s]}</a></li>`,
        ),
        '',
      )}</ul></nav>
      <div class="account"><span class="who">${who.name}</span>
        <form method="post" action="/desk/lang"><input type="hidden" name="_csrf" value="${who.csrf}"><button type="submit" class="link" lang="${t.desk.lang === 'vi' ? 'en' : 'vi'}">${t.desk.nav.otherLanguage}</button></form>
        <form method="post" action="/desk/signout"><input type="hidden" name="_csrf" value="${who.csrf}"><button type="submit" class="link">${t.desk.nav.signOut}</button></form>
      </div>`
    : '';
  const flash = who?.flash.length
    ? html`<section class="flash" role="status" aria-label="${t.desk.queue.results}"><ul>${joinHtml(
        who.flash.map((m) => html`<li>${m}</li>`),
        '',
      )}</ul></section>`
    : '';
  return html`<!doctype html>
<html lang="${t.desk.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin">
<title>${title} — ${t.desk.title}</title>
<link rel="stylesheet" href="${frame.assets.style}">
<script type="module" src="${frame.assets.script}"></script>
</head>
<body>
<a class="skip" href="#main">${t.desk.skip}</a>
<header class="top">
<div class="brand"><a href="/desk">${t.desk.title}</a><small>${frame.agencyName}</small></div>
${nav}
</header>
<main id="main" tabindex="-1">
${flash}
${body}
</main>
</body>
</html>`;
}

/** A pager for a list split into pages: previous / "page n of m" / next, keeping the other parameters. */
export function pager(
  t: Messages,
  path: string,
  params: URLSearchParams,
  pageNo: number,
  pages: number,
): HtmlPart {
  if (pages <= 1) return '';
  const at = (n: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    return `${path}?${p.toString()}`;
  };
  return html`<nav class="pager" aria-label="${t.desk.pager.label}">
${pageNo > 1 ? html`<a rel="prev" href="${at(pageNo - 1)}">← ${t.desk.pager.previous}</a>` : ''}
<span>${t.desk.pager.page(pageNo, pages)}</span>
${pageNo < pages ? html`<a rel="next" href="${at(pageNo + 1)}">${t.desk.pager.next} →</a>` : ''}
</nav>`;
}

/** A message page: a refusal, an expired link, a page that does not exist. */
export function notice(
  frame: Frame,
  title: string,
  message: string | Html,
  action?: { href: string; label: string },
): Html {
  return page(
    frame,
    title,
    undefined,
    html`<h1>${title}</h1><div class="notice" role="alert">${message}</div>${
      action ? html`<p><a class="button" href="${action.href}">${action.label}</a></p>` : ''
    }`,
  );
}

/**
 * The page shown before anyone is signed in: inside Telegram the script exchanges the Mini App's
 * signed data for a session and reloads; anywhere else it says how to open the desk.
 */
export function signIn(frame: Frame, message?: string): Html {
  const { t } = frame;
  return page(
    frame,
    t.desk.title,
    undefined,
    html`<h1>${t.desk.title}</h1>
<p id="desk-status" class="notice" role="status" data-checking="${t.desk.signin.checking}">${message ?? ''}</p>
<p class="hint">${t.desk.signin.outside}</p>`,
  );
}
