import { randomBytes } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { isExpiredError, validate } from '@telegram-apps/init-data-node';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { bangxephang } from '../commands/bangxephang.js';
import { baocaothanhtich } from '../commands/baocaothanhtich.js';
import { bophieu } from '../commands/bophieu.js';
import { choduyet } from '../commands/choduyet.js';
import { cuatoi } from '../commands/cuatoi.js';
import { duyet } from '../commands/duyet.js';
import { hop } from '../commands/hop.js';
import { boardChart, kudosOf, picture, pictureName } from '../commands/lib/board.js';
import { clip, pendingNote, periodNotBegun, periodToken, words } from '../commands/lib/common.js';
import { refusalWords } from '../commands/lib/council.js';
import { standingsIn } from '../commands/lib/leaderboard.js';
import { memberRecord } from '../commands/lib/mine.js';
import { pendingEntries } from '../commands/lib/review.js';
import { chartTargets, progressOf } from '../commands/posts/plan.js';
import { tonghop } from '../commands/tonghop.js';
import { belongs, mayAccess, mayViewEntry, type Viewer } from '../core/access.js';
import { type AgencyConfig, departmentName } from '../core/agency.js';
import type { Access, DeskLinks } from '../core/context.js';
import { awardById, type CouncilConfig, type RosterMember, rosterMemberOf } from '../core/council.js';
import type { VoteRound } from '../core/council-records.js';
import type { Delivery } from '../core/delivery.js';
import type { EntryKind } from '../core/domain.js';
import { summarise } from '../core/figures.js';
import { type Html, html, joinHtml } from '../core/html.js';
import { identityKey } from '../core/identity.js';
import type { Log } from '../core/log.js';
import {
  ballotsAwaiting,
  castBallot,
  latestMeeting,
  present,
  type Refusal,
  roundResults,
  roundsOf,
} from '../core/meeting.js';
import { nominationLists, subjectName } from '../core/nominations.js';
import {
  dayContaining,
  formatDateTime,
  formatDay,
  notBegun,
  type Period,
  periodContaining,
  periodTitle,
  readPeriod,
} from '../core/periods.js';
import { type Plan, progressAsOf } from '../core/plan.js';
import type { Repository } from '../core/repository.js';
import type { Router } from '../core/router.js';
import { type TitlesConfig, titleById } from '../core/titles.js';
import { type Locale, locales, type Messages, pickLocale } from '../locales/index.js';
import { type BoardChart, renderBoardChart } from '../reports/chart.js';
import { factsOf, yearPeriod } from '../reports/council-facts.js';
import { yearCriteria } from '../reports/criteria.js';
import type { DeskAssets } from './assets.js';
import type { HttpApp, Routes } from './http.js';
import { clientAddress, RateLimiter } from './limits.js';
import { entryPage } from './pages/entry.js';
import { figuresPage } from './pages/figures.js';
import { homePage } from './pages/home.js';
import { type Frame, notice, page, type Section, signIn } from './pages/layout.js';
import { mePage } from './pages/me.js';
import { ballotPage, casePage, meetingPage } from './pages/meeting.js';
import { KINDS, queuePage } from './pages/queue.js';
import { titlesPage } from './pages/titles.js';
import { type DeskCaller, runCommand } from './platform.js';
import { OneTimeLinks, type Session, Sessions, sameSecret } from './sessions.js';

export interface DeskDeps {
  store: Repository;
  agency: AgencyConfig;
  plan: Plan;
  titles: TitlesConfig;
  /** The Council (COUNCIL_FILE): its meeting and secret ballot; absent, the desk has no meeting view. */
  council?: CouncilConfig | undefined;
  /** The core the desk writes through: its forms run commands (web/platform.ts). */
  router: Router;
  delivery: Delivery;
  /** The roles the configuration gives a platform identity (admins, the Council). */
  roles(identity: string): { admin: boolean; council: boolean };
  /** The Telegram bot token, which signs the Mini App's data; absent: no Telegram, links only. */
  telegramToken?: string | undefined;
  /** The address people open (the reverse proxy's HTTPS address; http only on this machine). */
  publicUrl: () => string;
  /** The language of pages before anyone signs in, and of those who give none. */
  locale: Locale;
  assets: DeskAssets;
  clock: () => Date;
  log: Log;
  /** Draws the chart (reports/chart.ts by default, in its worker). */
  draw?: ((chart: BoardChart) => Promise<Buffer>) | undefined;
  /** How long Telegram's signed data may be used to open the desk (default an hour). */
  initDataMaxAgeSeconds?: number;
}

export interface Desk {
  /** The desk's routes, for the HTTP server (web/http.ts). */
  routes: Routes;
  /** One-time links, for /banlamviec (through the router). */
  links: DeskLinks;
}

/** Entries per page of the queue and of a member's own list. */
const QUEUE_PAGE = 25;
const MINE_PAGE = 50;
const SESSION = 'desk';

/**
 * What each section shows is what a command shows in chat, so it is open to whoever may run that
 * command: the queue is /choduyet's, the figures /bangxephang's (the agency's public figures), a
 * member's own page /cuatoi's. Titles — registrations and the facts against the criteria — are the
 * Council's bình xét, open to the Council and admins, as /baocaothanhtich opens anyone's report.
 */
const SECTION_ACCESS: Record<Exclude<Section, 'home'>, Access> = {
  queue: choduyet.access,
  figures: bangxephang.access,
  titles: 'council',
  meeting: hop.access,
  me: cuatoi.access,
};

type Env = { Bindings: HttpBindings; Variables: { session: Session; sid: string; viewer: Viewer } };

const code = z.string().regex(/^[A-Za-z]{2}\d{1,9}$/, 'a code such as VT12');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const telegramUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string().max(256).default(''),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  language_code: z.string().max(35).optional(),
});

/**
 * The desk: a web page over the same store and the same rules as the chat, for the work chat is wrong
 * for — the Council's queue with its photos, the year in figures, the titles' facts, a member's own
 * record. Inside Telegram it opens as a Mini App, signed in with the data Telegram signs with the
 * bot's token (checked by @telegram-apps/init-data-node, with its age); elsewhere with a one-time
 * link the bot sends in private (/banlamviec). Then a session cookie (HttpOnly, Secure, SameSite).
 * Reads call the functions the commands call; writes run the commands themselves (web/platform.ts).
 */
export function createDesk(deps: DeskDeps): Desk {
  const { store, agency, log } = deps;
  const now = () => deps.clock();
  const sessions = new Sessions(() => now().getTime());
  const links = new OneTimeLinks(() => now().getTime());
  const authLimiter = new RateLimiter(30, () => now().getTime());
  const publicOrigin = () => originOf(deps.publicUrl()) ?? '';
  const scriptHref = `/static/desk.js?v=${deps.assets.version}`;
  const styleHref = `/static/desk.css?v=${deps.assets.version}`;
  const mode = agency.review.mode;
  const name = (id: string) => store.member(id)?.fullName ?? id;
  const dept = (t: Messages) => (id: string) => departmentName(agency, id, t);

  const frameFor = (t: Messages, session?: Session, viewer?: Viewer): Frame => ({
    t,
    agencyName: agency.agency.name,
    assets: { script: scriptHref, style: styleHref },
    ...(session && viewer
      ? {
          who: {
            name: viewer.member?.fullName ?? session.displayName,
            sections: sectionsOf(viewer),
            csrf: session.csrf,
            flash: session.flash.splice(0),
          },
        }
      : {}),
  });
  const sectionsOf = (viewer: Viewer): Section[] => [
    'home',
    ...(Object.keys(SECTION_ACCESS) as Exclude<Section, 'home'>[]).filter(
      (s) => mayAccess(SECTION_ACCESS[s], viewer) && (s !== 'meeting' || deps.council !== undefined),
    ),
  ];
  // Before anyone is known, pages speak the bot's language (BOT_LOCALE), as its group messages do.
  const localeOf = (_c: Context): Locale => deps.locale;

  /** A page for the person signed in. */
  const render = (c: Context<Env>, title: string, section: Section | undefined, body: Html, status = 200) => {
    const session = c.get('session');
    const t = locales[session.locale];
    return c.html(page(frameFor(t, session, c.get('viewer')), title, section, body).value, status as 200);
  };
  /** Report downloads being built, by person and command: a repeated click joins the one running. */
  const downloads = new Map<string, ReturnType<typeof runCommand>>();
  const refuse = (c: Context<Env>, message: string, status: 400 | 403 | 404 | 410 = 403) => {
    const session = c.get('session');
    const t = locales[session.locale];
    return c.html(
      notice(frameFor(t, session, c.get('viewer')), t.desk.refusals.refusedTitle, message).value,
      status,
    );
  };

  /** Whether a write came from the desk's own pages: its Origin is this site (CSRF, with the form token). */
  const sameOrigin = (c: Context): boolean => {
    const origin = c.req.header('origin') ?? originOf(c.req.header('referer'));
    if (!origin) return false;
    return origin === publicOrigin() || origin === new URL(c.req.url).origin;
  };

  const viewerOf = (identity: string): Viewer => ({
    identity,
    member: store.memberByIdentity(identity),
    ...deps.roles(identity),
  });

  const startSession = (
    c: Context,
    identity: string,
    by: 'telegram' | 'link',
    displayName: string,
    locale: Locale,
  ) => {
    const { id } = sessions.create(identity, by, displayName, locale);
    // Telegram Web shows the Mini App in a frame of web.telegram.org: there only a partitioned
    // SameSite=None cookie is kept. Writes are guarded by the Origin check and the form token anyway.
    setCookie(c, SESSION, id, {
      prefix: 'host',
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: by === 'telegram' ? 'None' : 'Lax',
      ...(by === 'telegram' ? { partitioned: true } : {}),
      maxAge: Math.floor(sessions.ttlMs / 1000),
    });
    log.info({ via: by, member: store.memberByIdentity(identity)?.id }, 'desk: signed in');
  };

  const core = { router: deps.router, delivery: deps.delivery };
  const callerOf = (session: Session, viewer: Viewer): DeskCaller => ({
    identity: viewer.identity,
    displayName: viewer.member?.fullName ?? session.displayName,
    locale: session.locale,
    admin: viewer.admin,
    council: viewer.council,
    belongs: viewer.member !== undefined && !viewer.member.leftAt,
  });

  /** Reads a period as the chat reads it; an unreadable one is said and `fallback` shown instead. */
  const periodFrom = (t: Messages, text: string, fallback: Period): { period: Period; problem?: Html } => {
    const tokens = words(text);
    if (!tokens.length) return { period: fallback };
    const reading = readPeriod(tokens, now());
    if (reading && 'period' in reading && reading.used === tokens.length) {
      const { period } = reading;
      if (!notBegun(period, now())) return { period };
      return { period: fallback, problem: periodNotBegun({ t }, period) };
    }
    return { period: fallback, problem: joinHtml([t.errors.unknownPeriod(clip(text)), t.periodForms], ' ') };
  };
  const planYear = () => periodContaining('year', new Date(Date.UTC(deps.plan.year, 6, 1)));

  const routes: Routes = (app: HttpApp) => {
    const desk = new Hono<Env>();

    desk.get('/static/desk.js', (c) => asset(c, deps.assets.script, 'text/javascript; charset=utf-8'));
    desk.get('/static/desk.css', (c) => asset(c, deps.assets.style, 'text/css; charset=utf-8'));
    desk.get('/favicon.ico', (c) => c.body(null, 204));

    // Where the Mini App opens, and where a one-time link lands: the script does the rest.
    desk.get('/', (c) => {
      if (sessions.get(getCookie(c, SESSION, 'host'))) return c.redirect('/desk', 303);
      return c.html(signIn(frameFor(locales[localeOf(c)])).value);
    });
    desk.get('/link', (c) => c.html(signIn(frameFor(locales[localeOf(c)])).value));

    desk.post('/auth/telegram', async (c) => {
      const t = locales[localeOf(c)];
      if (!authLimiter.take(clientAddress(c))) return c.json({ message: t.desk.refusals.tooMany }, 429);
      if (!sameOrigin(c)) return c.json({ message: t.desk.refusals.staleForm }, 403);
      const raw = c.req.header('authorization')?.replace(/^tma\s+/i, '') ?? '';
      if (!deps.telegramToken || !raw) return c.json({ message: t.desk.refusals.forged }, 401);
      try {
        validate(raw, deps.telegramToken, { expiresIn: deps.initDataMaxAgeSeconds ?? 3600 });
      } catch (error) {
        const expired = isExpiredError(error);
        log.info({ reason: expired ? 'expired' : 'invalid' }, 'desk: Telegram data refused');
        return c.json({ message: expired ? t.desk.refusals.expired : t.desk.refusals.forged }, 401);
      }
      const user = telegramUser.safeParse(parseJson(new URLSearchParams(raw).get('user')));
      if (!user.success) return c.json({ message: t.desk.refusals.forged }, 401);
      const identity = identityKey('telegram', user.data.id);
      const viewer = viewerOf(identity);
      if (!belongs(viewer)) return c.json({ message: t.desk.refusals.stranger }, 403);
      const displayName = [user.data.first_name, user.data.last_name].filter(Boolean).join(' ');
      startSession(c, identity, 'telegram', displayName, pickLocale(user.data.language_code, deps.locale));
      return c.json({ next: '/desk' });
    });

    desk.post('/auth/link', async (c) => {
      const t = locales[localeOf(c)];
      if (!authLimiter.take(clientAddress(c))) return c.json({ message: t.desk.refusals.tooMany }, 429);
      if (!sameOrigin(c)) return c.json({ message: t.desk.refusals.staleForm }, 403);
      const body = z
        .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) })
        .safeParse(await c.req.json().catch(() => null));
      const identity = body.success ? links.take(body.data.token) : undefined;
      if (!identity) return c.json({ message: t.desk.refusals.linkUsed }, 410);
      const viewer = viewerOf(identity);
      if (!belongs(viewer)) return c.json({ message: t.desk.refusals.stranger }, 403);
      startSession(c, identity, 'link', viewer.member?.fullName ?? identity, deps.locale);
      return c.json({ next: '/desk' });
    });

    // Every page of the desk: a session, a person who still belongs, and on writes the Origin and the form token.
    desk.use('/desk/*', async (c, next) => {
      const sid = getCookie(c, SESSION, 'host');
      const session = sessions.get(sid);
      if (!session || !sid) {
        const t = locales[localeOf(c)];
        return c.html(signIn(frameFor(t), t.desk.refusals.signedOut).value, 401);
      }
      const viewer = viewerOf(session.identity);
      if (!belongs(viewer)) {
        sessions.drop(sid);
        deleteCookie(c, SESSION, { prefix: 'host', path: '/', secure: true });
        const t = locales[session.locale];
        return c.html(notice(frameFor(t), t.desk.refusals.refusedTitle, t.desk.refusals.stranger).value, 403);
      }
      c.set('session', session);
      c.set('sid', sid);
      c.set('viewer', viewer);
      if (c.req.method === 'POST') {
        const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
        const token = typeof form._csrf === 'string' ? form._csrf : '';
        if (!sameOrigin(c) || !token || !sameSecret(token, session.csrf)) {
          log.warn({ path: c.req.path }, 'desk: a write without this site’s origin or form token refused');
          return refuse(c, locales[session.locale].desk.refusals.staleForm);
        }
      }
      await next();
    });

    desk.get('/desk', (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      const sections = sectionsOf(viewer);
      let week: string | undefined;
      if (viewer.member && sections.includes('me')) {
        const record = memberRecord(store, viewer.member, periodContaining('week', now()), mode);
        const score = record.score;
        week = t.desk.home.mineWeek(
          t.points(score?.points ?? 0),
          score && score.rank > 0 ? t.desk.home.rank(score.rank, record.ranked) : t.desk.home.unranked,
        );
      }
      return render(
        c,
        t.desk.nav.home,
        'home',
        homePage({
          t,
          name: viewer.member?.fullName ?? c.get('session').displayName,
          roles: { admin: viewer.admin, council: viewer.council, member: viewer.member !== undefined },
          sections,
          pending: sections.includes('queue') ? pendingEntries(store).length : undefined,
          week,
          ballots: ballotsOf(viewer).length,
        }),
      );
    });

    desk.get('/desk/queue', (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      if (!mayAccess(SECTION_ACCESS.queue, viewer)) return refuse(c, t.desk.refusals.forbidden);
      const query = z
        .object({
          dept: z.enum(agency.departments.map((d) => d.id) as [string, ...string[]]).optional(),
          kind: z.enum(KINDS as [EntryKind, ...EntryKind[]]).optional(),
          from: day.optional(),
          to: day.optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        })
        .safeParse(emptyAsUnset(c.req.query()));
      if (!query.success) return refuse(c, t.desk.refusals.badInput(t.desk.queue.badDate), 400);
      const { dept: departmentId, kind, from, to } = query.data;
      const matching = pendingEntries(store, {
        departmentId,
        kind,
        from: from ? dayStart(from) : undefined,
        to: to ? dayContaining(dayStart(to)).end : undefined,
      });
      const filtered = departmentId || kind || from || to;
      const pages = Math.max(1, Math.ceil(matching.length / QUEUE_PAGE));
      const pageNo = Math.min(query.data.page, pages);
      const params = new URLSearchParams(
        Object.entries({ dept: departmentId, kind, from, to }).filter(
          (kv): kv is [string, string] => !!kv[1],
        ),
      );
      return render(
        c,
        t.desk.queue.title,
        'queue',
        queuePage({
          t,
          agency,
          entries: matching.slice((pageNo - 1) * QUEUE_PAGE, pageNo * QUEUE_PAGE),
          matching: matching.length,
          all: filtered ? pendingEntries(store).length : matching.length,
          filter: { dept: departmentId, kind, from, to },
          params,
          pageNo,
          pages,
          name,
          departmentName: dept(t),
          viewerMemberId: viewer.member?.id,
          csrf: c.get('session').csrf,
          nonce: randomBytes(18).toString('base64url'),
        }),
      );
    });

    // Decisions: each is the command the chat would run (/duyet, /tuchoi), as the person signed in.
    desk.post('/desk/queue', async (c) => {
      const session = c.get('session');
      const viewer = c.get('viewer');
      const t = locales[session.locale];
      if (!mayAccess(duyet.access, viewer)) return refuse(c, t.desk.refusals.forbidden);
      const form = await c.req.parseBody({ all: true });
      const reasonOf = (key: string) => {
        const value = form[key];
        return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
      };
      const parsed = z
        .object({
          _nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
          back: z
            .string()
            .regex(/^\/desk\/queue(\?[A-Za-z0-9=&%_.+-]*)?$/)
            .default('/desk/queue'),
          approve: code.optional(),
          reject: code.optional(),
          action: z.enum(['approve-selected', 'reject-selected']).optional(),
          code: z.union([code, z.array(code).max(QUEUE_PAGE)]).optional(),
          bulkReason: z.string().max(1000).optional(),
        })
        .safeParse(form);
      if (!parsed.success) return refuse(c, t.desk.refusals.badInput(problemOf(parsed.error)), 400);
      const p = parsed.data;
      const ticked = p.code === undefined ? [] : Array.isArray(p.code) ? p.code : [p.code];
      const lines: { text: string; key: string }[] = [];
      const say = (message: string) => session.flash.push(html`${message}`);
      const decide = (
        verb: 'approve' | 'reject',
        codes: readonly string[],
        reason: (code: string) => string,
      ) => {
        for (const c of codes) {
          const why = reason(c);
          if (verb === 'reject' && !why) say(t.desk.queue.needReason(c));
          else
            lines.push({
              text: verb === 'approve' ? `/duyet ${c}` : `/tuchoi ${c} ${why}`,
              key: `${p._nonce}:${verb}:${c}`,
            });
        }
      };
      if (p.approve) decide('approve', [p.approve], () => '');
      else if (p.reject) decide('reject', [p.reject], (c) => reasonOf(`reason-${c}`));
      else if (p.action && !ticked.length) say(t.desk.queue.noneSelected);
      else if (p.action === 'approve-selected') decide('approve', ticked, () => '');
      else if (p.action === 'reject-selected') decide('reject', ticked, () => reasonOf('bulkReason'));
      for (const line of lines) {
        const answers = await runCommand(core, callerOf(session, viewer), line.text, line.key, log);
        session.flash.push(...answers.map((m) => m.html));
      }
      return c.redirect(p.back, 303);
    });

    desk.get('/desk/entry/:code', (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      const entry = code.safeParse(c.req.param('code')).success
        ? store.entry(c.req.param('code'))
        : undefined;
      if (!entry) return refuse(c, t.desk.refusals.notFound, 404);
      if (!mayViewEntry(entry, viewer)) return refuse(c, t.desk.refusals.entry);
      const reviews = mayAccess(SECTION_ACCESS.queue, viewer);
      return render(
        c,
        t.desk.entry.title(entry.code),
        reviews ? 'queue' : 'me',
        entryPage(t, entry, mode, name, dept(t), reviews),
      );
    });

    // Evidence photos come through this server: a platform's file URL (Telegram's holds the bot
    // token) never reaches a page, a browser or a log.
    desk.get('/desk/photo/:code/:n', async (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      const entry = code.safeParse(c.req.param('code')).success
        ? store.entry(c.req.param('code'))
        : undefined;
      const n = Number(c.req.param('n'));
      const evidence = entry && Number.isInteger(n) && n >= 1 ? entry.photo?.[n - 1] : undefined;
      if (!entry || !evidence) return refuse(c, t.desk.refusals.notFound, 404);
      if (!mayViewEntry(entry, viewer)) return refuse(c, t.desk.refusals.entry);
      const platform = deps.delivery.platform(evidence.platform);
      const photo = await platform?.photo?.(evidence.fileId).catch((err: unknown) => {
        log.warn({ err, entry: entry.code, platform: evidence.platform }, 'desk: could not fetch a photo');
        return undefined;
      });
      if (!photo || !IMAGE_TYPES.has(photo.type)) return refuse(c, t.desk.refusals.photoGone, 404);
      return c.body(new Uint8Array(photo.data), 200, {
        'content-type': photo.type,
        'cache-control': 'private, max-age=86400',
        'content-disposition': `inline; filename="${entry.code}-${n}.${IMAGE_TYPES.get(photo.type)}"`,
      });
    });

    desk.get('/desk/figures', (c) => {
      const session = c.get('session');
      const viewer = c.get('viewer');
      const t = locales[session.locale];
      if (!mayAccess(SECTION_ACCESS.figures, viewer)) return refuse(c, t.desk.refusals.membersOnly);
      const asked = (c.req.query('period') ?? '').slice(0, 40);
      const { period, problem } = periodFrom(t, asked, periodContaining('year', now()));
      const standings = standingsIn({ agency }, store, period, agency.leaderboard.topMembers);
      const reviews = viewer.admin || viewer.council;
      const admin = mayAccess(tonghop.access, viewer);
      const token = encodeURIComponent(periodToken(period));
      const year = period.kind === 'year' ? period.year : deps.plan.year;
      return render(
        c,
        t.desk.figures.title,
        'figures',
        figuresPage({
          t,
          agency,
          asked,
          title: periodTitle(t, period, now()),
          problem,
          standings,
          everyone: reviews ? standings.scores.filter((s) => s.rank > 0) : undefined,
          pendingNote: pendingNote(t, standings.pending, mode),
          plan: {
            title: deps.plan.title,
            progress: progressOf({ t, store, agency, plan: deps.plan }, now()),
            asOf: ((at) => at && formatDay(at))(progressAsOf(deps.plan, now())),
          },
          summary: admin ? summarise({ store, agency }, period) : undefined,
          chart: `/desk/chart.png?period=${token}`,
          files: admin
            ? [
                { href: `/desk/files/workbook?period=${token}`, label: t.desk.figures.workbook },
                { href: `/desk/files/report?period=${token}`, label: t.desk.figures.reportDoc },
                { href: `/desk/files/review?period=${year}`, label: t.desk.figures.reviewSheet(year) },
              ]
            : undefined,
          departmentName: dept(t),
        }),
      );
    });

    // The chart the posts carry, for any period.
    desk.get('/desk/chart.png', async (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      if (!mayAccess(SECTION_ACCESS.figures, viewer)) return refuse(c, t.desk.refusals.membersOnly);
      const { period } = periodFrom(
        t,
        (c.req.query('period') ?? '').slice(0, 40),
        periodContaining('year', now()),
      );
      const standings = standingsIn({ agency }, store, period, agency.leaderboard.topMembers);
      const source = { t, store, agency };
      const chart = boardChart(source, {
        title: t.chart.boardTitle(t.periodName(period)),
        period,
        standings,
        kudos: kudosOf(source, period, standings),
        targets: chartTargets(t, progressOf({ ...source, plan: deps.plan }, now())),
        now: now(),
        targetsAsOf: progressAsOf(deps.plan, now()),
      });
      const image = await picture(
        chart,
        pictureName('bang-xep-hang', period),
        log,
        deps.draw ?? renderBoardChart,
      );
      if (!image) return c.body(null, 503);
      return c.body(new Uint8Array(image.data), 200, {
        'content-type': 'image/png',
        'cache-control': 'private, max-age=60',
      });
    });

    desk.get('/desk/titles', (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      if (!mayAccess(SECTION_ACCESS.titles, viewer)) return refuse(c, t.desk.refusals.forbidden);
      const year = planYear();
      if (!deps.titles.titles.length) return refuse(c, t.desk.titles.none, 404);
      const criteria = yearCriteria({ store, agency, titles: deps.titles }, year);
      const order = new Map(agency.departments.map((d, i) => [d.id, i]));
      const members = store.members
        .filter((m) => !m.leftAt)
        .sort(
          (a, b) =>
            (order.get(a.departmentId) ?? 99) - (order.get(b.departmentId) ?? 99) ||
            a.fullName.localeCompare(b.fullName, 'vi'),
        );
      return render(
        c,
        t.desk.titles.title(year.year),
        'titles',
        titlesPage({
          t,
          year: year.year,
          members: members.map((m) => ({
            name: m.fullName,
            department: dept(t)(m.departmentId),
            assessment: criteria.member(m),
          })),
          departments: agency.departments.map((d) => ({ name: d.name, assessment: criteria.department(d) })),
          linked: true,
        }),
      );
    });

    /** The open electronic votes this viewer, a Council member present, may still cast. */
    const ballotsOf = (viewer: Viewer) => {
      const council = deps.council;
      const voter = council && rosterMemberOf(council, viewer.identity, viewer.member);
      return voter ? ballotsAwaiting({ store }, voter) : [];
    };

    // The Council's meeting, candidate by candidate, and each vote's results: /hop's view.
    desk.get('/desk/meeting', (c) => {
      const session = c.get('session');
      const viewer = c.get('viewer');
      const t = locales[session.locale];
      const council = deps.council;
      if (!council) return refuse(c, t.desk.meeting.noCouncil, 404);
      if (!mayAccess(SECTION_ACCESS.meeting, viewer)) return refuse(c, t.desk.refusals.forbidden);
      const source = { store, agency, council };
      const year = council.year;
      const lists = nominationLists(source, year);
      const cases = lists.flatMap(({ award, candidates }) =>
        candidates.map((candidate, i) => ({ award, candidate, index: i + 1, within: candidates.length })),
      );
      const asked = c.req.query('case');
      if (asked !== undefined) {
        const n = z.coerce.number().int().min(1).safeParse(asked);
        const here = n.success ? cases[n.data - 1] : undefined;
        if (!here || !n.success) return refuse(c, t.desk.meeting.noCase(n.success ? n.data : 0), 404);
        const [f] = factsOf({ ...source, titles: deps.titles }, year, [here.candidate]);
        const criteria = yearCriteria({ store, agency, titles: deps.titles }, yearPeriod(year));
        const subject = here.candidate.subject;
        const member = subject.kind === 'member' ? store.member(subject.memberId) : undefined;
        const department =
          subject.kind === 'department'
            ? agency.departments.find((d) => d.id === subject.departmentId)
            : undefined;
        return render(
          c,
          f?.name ?? '',
          'meeting',
          casePage(t, {
            n: n.data,
            of: cases.length,
            award: here.award.name,
            index: here.index,
            within: here.within,
            name: f?.name ?? subjectName(source, subject),
            department: f?.department ?? '',
            registered: f?.registered,
            rating: f?.rating ? t.records.ratings[f.rating] : undefined,
            approved: f
              ? t.desk.meeting.approvedCount(
                  f.approved.length,
                  f.byKind.task,
                  f.byKind.initiative,
                  f.byKind.deed,
                )
              : '',
            origin: t.council.origins[here.candidate.origin],
            note: here.candidate.note,
            assessment: member
              ? criteria.member(member, here.award.id)
              : department
                ? criteria.department(department, here.award.id)
                : undefined,
          }),
        );
      }
      const meeting = latestMeeting(source, year);
      const rounds = meeting ? roundsOf(source, meeting) : [];
      const numbered = new Map(cases.map((x, i) => [x.candidate, i + 1]));
      return render(
        c,
        t.desk.meeting.title(year),
        'meeting',
        meetingPage({
          t,
          year,
          meeting: meeting && {
            no: meeting.no,
            open: meeting.status === 'open',
            when: formatDateTime(new Date(meeting.startsAt)),
            place: meeting.place,
            present: present(meeting).length,
            total: meeting.roster.length,
            absent: meeting.absent.map((a) => ({
              name: meeting.roster.find((r) => r.id === a.id)?.fullName ?? a.id,
              reason: a.reason,
            })),
            conclusion: meeting.conclusion,
          },
          awards: lists.map(({ award, candidates }) => ({
            id: award.id,
            name: award.name,
            decider: t.council.decidedBy[award.decidedBy],
            vote: t.council.voteKinds[award.vote],
            threshold: `${award.threshold.strict ? t.desk.meeting.above : t.desk.meeting.atLeast} ${formatShare(session.locale, award.threshold.percent)}`,
            toVerify: award.threshold.check === 'toVerify',
            source: award.threshold.source,
            cases: candidates.map((candidate) => ({
              n: numbered.get(candidate) ?? 0,
              name: subjectName(source, candidate.subject),
            })),
            rounds: rounds
              .filter((r) => r.awardId === award.id)
              .map((r) => ({
                no: r.no,
                method: t.council.methods[r.method],
                status: r.status,
                cast:
                  r.method === 'electronic' && r.status === 'open'
                    ? { done: r.cast.length, of: r.voters.length }
                    : undefined,
                written: r.written.length,
                ballots: r.status === 'closed' && r.method !== 'hands' ? r.tally : undefined,
                results:
                  r.status === 'closed'
                    ? roundResults(r, award).map((x) => ({
                        name: subjectName(source, x.subject),
                        agree: x.agree,
                        disagree: x.disagree,
                        writtenAgree: x.writtenAgree,
                        total: x.total,
                        share: `${x.total}/${r.rosterSize} (${formatShare(session.locale, x.share)})`,
                        meets: x.meets,
                      }))
                    : undefined,
              })),
          })),
          ballots: ballotsOf(viewer).map((r) => ({
            no: r.no,
            award: awardById(council, r.awardId)?.name ?? r.awardId,
          })),
        }),
      );
    });

    /** The open electronic vote `no` this viewer may cast, or the refusal to show (core/meeting.ts's rules). */
    const ballotFor = (
      c: Context<Env>,
      t: Messages,
      raw: string,
    ):
      | { refusal: Response }
      | { refusal?: undefined; council: CouncilConfig; voter: RosterMember; round: VoteRound } => {
      const council = deps.council;
      const viewer = c.get('viewer');
      if (!council) return { refusal: refuse(c, t.desk.meeting.noCouncil, 404) };
      if (!mayAccess(bophieu.access, viewer)) return { refusal: refuse(c, t.desk.refusals.forbidden) };
      const voter = rosterMemberOf(council, viewer.identity, viewer.member);
      if (!voter) return { refusal: refuse(c, t.desk.meeting.notOnRoster) };
      const no = z.coerce.number().int().min(1).safeParse(raw);
      const round = no.success ? store.council.round(no.data) : undefined;
      if (!round) return { refusal: refuse(c, t.desk.refusals.notFound, 404) };
      return { council, voter, round };
    };
    const refusedBallot = (c: Context<Env>, t: Messages, council: CouncilConfig, refusal: Refusal) =>
      c.html(
        notice(
          frameFor(t, c.get('session'), c.get('viewer')),
          t.desk.refusals.refusedTitle,
          joinHtml([refusalWords(t, council, refusal), t.council.refusals.nothingChanged], ' '),
          { href: '/desk/meeting', label: t.desk.meeting.back },
        ).value,
        409,
      );

    // The electronic secret ballot on a member's phone: the same rules as /bophieu, refused early.
    desk.get('/desk/ballot/:no', (c) => {
      const session = c.get('session');
      const t = locales[session.locale];
      const found = ballotFor(c, t, c.req.param('no'));
      if (found.refusal !== undefined) return found.refusal;
      const { council, voter, round } = found;
      const early: Refusal | undefined =
        round.method !== 'electronic'
          ? { code: 'notElectronic', no: round.no }
          : round.status !== 'open'
            ? { code: 'roundNotOpen', no: round.no, status: round.status }
            : !round.voters.includes(voter.id)
              ? { code: 'absentVoter' }
              : round.cast.includes(voter.id)
                ? { code: 'votedAlready', no: round.no }
                : undefined;
      if (early) return refusedBallot(c, t, council, early);
      const source = { store, agency, council };
      return render(
        c,
        t.desk.meeting.ballotTitle(round.no, awardById(council, round.awardId)?.name ?? round.awardId),
        'meeting',
        ballotPage({
          t,
          no: round.no,
          award: awardById(council, round.awardId)?.name ?? round.awardId,
          candidates: round.candidates.map((s) => subjectName(source, s)),
          csrf: session.csrf,
          nonce: randomBytes(12).toString('base64url'),
        }),
      );
    });

    desk.post('/desk/ballot/:no', async (c) => {
      const session = c.get('session');
      const t = locales[session.locale];
      const found = ballotFor(c, t, c.req.param('no'));
      if (found.refusal !== undefined) return found.refusal;
      const { council, voter, round } = found;
      const form = await c.req.parseBody();
      const nonce = z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,40}$/)
        .safeParse(form._nonce);
      const choices = round.candidates.map((_, i) => form[`c${i + 1}`]);
      if (!nonce.success || !choices.every((x) => x === 'd' || x === 'k'))
        return refuse(c, t.desk.meeting.incomplete, 400);
      const cast = await castBallot(
        {
          store,
          agency,
          council,
          actor: {
            by: viewer(c).member?.id ?? viewer(c).identity,
            platform: 'web',
            at: now(),
            source: `web:ballot:${nonce.data}`,
          },
        },
        round,
        voter,
        choices.join(''),
      );
      if (!cast.ok) return refusedBallot(c, t, council, cast.refusal);
      // The answer says the ballot was received; what was chosen is never shown again.
      log.info({ round: round.no }, 'desk: a ballot was cast');
      session.flash.push(html`${t.desk.meeting.received(round.no)}`);
      return c.redirect('/desk/meeting', 303);
    });

    desk.get('/desk/me', (c) => {
      const viewer = c.get('viewer');
      const t = locales[c.get('session').locale];
      const member = viewer.member;
      if (!member || !mayAccess(SECTION_ACCESS.me, viewer)) return refuse(c, t.desk.refusals.membersOnly);
      const asked = (c.req.query('period') ?? '').slice(0, 40);
      const { period, problem } = periodFrom(t, asked, periodContaining('year', now()));
      const record = memberRecord(store, member, period, mode);
      const pages = Math.max(1, Math.ceil(record.count / MINE_PAGE));
      const requested = z.coerce
        .number()
        .int()
        .min(1)
        .catch(1)
        .parse(c.req.query('page') ?? 1);
      const pageNo = Math.min(requested, pages);
      const registration = store.registration(deps.plan.year, { kind: 'member', memberId: member.id });
      return render(
        c,
        t.desk.me.title(member.fullName),
        'me',
        mePage({
          t,
          name: member.fullName,
          mode,
          asked,
          title: periodTitle(t, period, now()),
          problem,
          record,
          entries: record.newest(MINE_PAGE, (pageNo - 1) * MINE_PAGE),
          params: new URLSearchParams(asked ? { period: asked } : {}),
          pageNo,
          pages,
          memberId: member.id,
          reporterName: name,
          registration: {
            year: deps.plan.year,
            title: registration
              ? (titleById(deps.titles, registration.titleId)?.name ?? registration.titleId)
              : undefined,
          },
          draft: `/desk/files/achievement?period=${deps.plan.year}`,
        }),
      );
    });

    // Report files: the command the chat would run, as the person signed in (the same access, the same
    // files, built in the same report process), its file handed to the browser.
    desk.get('/desk/files/:kind', async (c) => {
      const session = c.get('session');
      const viewer = c.get('viewer');
      const t = locales[session.locale];
      const kind = z.enum(['workbook', 'report', 'review', 'achievement']).safeParse(c.req.param('kind'));
      if (!kind.success) return refuse(c, t.desk.refusals.notFound, 404);
      const { period, problem } = periodFrom(t, (c.req.query('period') ?? '').slice(0, 40), planYear());
      if (problem) return refuse(c, t.desk.refusals.badInput(clip(c.req.query('period') ?? '')), 400);
      const year = period.year;
      const { text, extension } = {
        workbook: { text: `/tonghop ${periodToken(period)} file`, extension: '.xlsx' },
        report: { text: `/tonghop ${periodToken(period)} file`, extension: '.docx' },
        review: { text: `/tonghop ${year} binhxet`, extension: '.xlsx' },
        achievement: { text: `/${baocaothanhtich.name} ${year}`, extension: '.docx' },
      }[kind.data];
      // The workbook and the Word report come from one command: a second click while it runs (the other
      // link, or the same one again) waits for the same answers instead of being told it is being built.
      const sameRequest = `${viewer.identity}\u0000${text}`;
      let running = downloads.get(sameRequest);
      if (!running) {
        const key = `files:${randomBytes(12).toString('base64url')}`;
        running = runCommand(core, callerOf(session, viewer), text, key, log).finally(() =>
          downloads.delete(sameRequest),
        );
        downloads.set(sameRequest, running);
      }
      const answers = await running;
      const file = answers.flatMap((m) => m.files ?? []).find((f) => f.filename.endsWith(extension));
      if (!file) {
        // The command's own answer says why (not an admin, nothing to build…).
        const why = joinHtml(
          answers.map((m) => m.html),
          '\n',
        );
        return c.html(notice(frameFor(t, session, viewer), t.desk.refusals.refusedTitle, why).value, 403);
      }
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': FILE_TYPES[extension] ?? 'application/octet-stream',
        'content-disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'cache-control': 'no-store',
      });
    });

    desk.post('/desk/lang', (c) => {
      const session = c.get('session');
      session.locale = session.locale === 'vi' ? 'en' : 'vi';
      return c.redirect(localPath(c.req.header('referer'), publicOrigin(), new URL(c.req.url).origin), 303);
    });

    desk.post('/desk/signout', (c) => {
      sessions.drop(c.get('sid'));
      deleteCookie(c, SESSION, { prefix: 'host', path: '/', secure: true });
      return c.redirect('/', 303);
    });

    desk.notFound((c) => {
      const t = locales[localeOf(c)];
      return c.html(notice(frameFor(t), t.desk.refusals.refusedTitle, t.desk.refusals.notFound).value, 404);
    });

    desk.onError((err, c) => {
      log.error({ err, path: c.req.path }, 'desk: request failed');
      const t = locales[localeOf(c)];
      return c.html(notice(frameFor(t), t.desk.refusals.refusedTitle, t.desk.refusals.internal).value, 500);
    });

    app.route('/', desk);
  };

  return {
    routes,
    links: {
      link(identity) {
        const token = links.issue(identity);
        // The token travels in the fragment: browsers never send it to a server, so no proxy logs it.
        return {
          url: `${deps.publicUrl().replace(/\/$/, '')}/link#${token}`,
          minutes: Math.round(links.ttlMs / 60_000),
        };
      },
    },
  };
}

const IMAGE_TYPES = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/gif', 'gif'],
]);

const FILE_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function asset(c: Context, data: Buffer, type: string) {
  return c.body(new Uint8Array(data), 200, {
    'content-type': type,
    // The address carries the content's hash: a new build is a new address.
    'cache-control': c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

/** 00:00 of a `yyyy-mm-dd` day in Vietnam. */
function dayStart(text: string): Date {
  return dayContaining(new Date(`${text}T12:00:00+07:00`)).start;
}

function emptyAsUnset(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The path of a same-site page to go back to, else the desk's home. */
function localPath(referer: string | undefined, ...origins: string[]): string {
  try {
    const url = new URL(referer ?? '');
    if (origins.includes(url.origin) && url.pathname.startsWith('/desk')) return url.pathname + url.search;
  } catch {}
  return '/desk';
}

function problemOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
}

const viewer = (c: Context<Env>) => c.get('viewer');

/** A share in the reader's figures: 77,8% in Vietnamese, 77.8% in English. */
function formatShare(locale: Locale, n: number): string {
  return `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(n)}%`;
}
