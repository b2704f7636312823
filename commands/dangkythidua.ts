import { type Department, departmentName } from '../core/agency.js';
import {
  type Choice,
  type Command,
  type CommandContext,
  defineCommand,
  type Reply,
} from '../core/context.js';
import type { Member, Registration, TitleSubject } from '../core/domain.js';
import type { HtmlPart } from '../core/html.js';
import { formatDay } from '../core/periods.js';
import { editDistance } from '../core/recognize.js';
import { fold, spelled } from '../core/text.js';
import { type Title, type TitlesConfig, titleById, titlesFor } from '../core/titles.js';
import { clip, findDepartment, refuse, say, words } from './lib/common.js';
import { findMember, memberRef, pickMember } from './lib/people.js';
import { deadlineDay, deadlineLine, isHeadOf, registrationClosed } from './lib/registration.js';

/** Words naming the caller's own department (`/dangkythidua phong TTLĐXS`). */
const DEPARTMENT = new Set(['phong', 'tapthe', 'tap the']);

/** Whom a registration is for, as the command found them. */
type Subject = { kind: 'member'; member: Member } | { kind: 'department'; department: Department };

const ref = (s: Subject): TitleSubject =>
  s.kind === 'member'
    ? { kind: 'member', memberId: s.member.id }
    : { kind: 'department', departmentId: s.department.id };
const nameOf = (s: Subject) => (s.kind === 'member' ? s.member.fullName : s.department.name);

/**
 * The title named at the end of the words (by id, abbreviation or name, case and diacritics ignored:
 * `ldtt`, `LĐTT`, `lao dong tien tien`, or words of one title's name only), and where it starts.
 */
function readTitle(
  titles: TitlesConfig,
  tokens: readonly string[],
): { title: Title; at: number } | undefined {
  for (let at = 0; at < tokens.length; at += 1) {
    const tail = spelled(tokens.slice(at).join(' '));
    const title = titles.titles.find((t) => [t.id, spelled(t.short), spelled(t.name)].includes(tail));
    if (title) return { title, at };
  }
  // As people shorten it: `chiến sĩ thi đua` for Chiến sĩ thi đua cơ sở, `lao động xuất sắc` for the
  // department's — two words or more that only one title's name holds.
  for (let at = 0; at < tokens.length - 1; at += 1) {
    const tail = spelled(tokens.slice(at).join(' '));
    const holding = titles.titles.filter((t) => ` ${spelled(t.name)} `.includes(` ${tail} `));
    if (holding.length === 1) return { title: holding[0] as Title, at };
  }
  return undefined;
}

/**
 * A title's name typed with a slip or two (`lao dong tien tieen`) at the end of the words: the title,
 * and where its words start — the longest name when several come that near. Asked about, never taken.
 */
function nearTitle(
  titles: TitlesConfig,
  tokens: readonly string[],
): { title: Title; at: number } | undefined {
  const near = titles.titles.flatMap((title) => {
    const name = spelled(title.name);
    const at = tokens.length - name.split(' ').length;
    if (at < 0) return [];
    const slips = editDistance(spelled(tokens.slice(at).join(' ')), name);
    return slips <= Math.min(2, Math.floor(name.length / 8)) ? [{ title, at }] : [];
  });
  const first = Math.min(...near.map((n) => n.at));
  const longest = near.filter((n) => n.at === first);
  return longest.length === 1 ? longest[0] : undefined;
}

/**
 * How a choice's command names a title: by its abbreviation, as people write it (`/dangkythidua
 * LĐTT`), or by its id if the abbreviation would read as another title.
 */
function titleWord(titles: TitlesConfig, title: Title): string {
  return readTitle(titles, words(title.short))?.title === title ? title.short : title.id;
}

/** The titles as people name them: `Lao động tiên tiến (LĐTT), …`. */
const titleList = (titles: TitlesConfig) => titles.titles.map((x) => `${x.name} (${x.short})`).join(', ');

/**
 * A member (mention, @username, id, full name) or a department (name or id) the words name; else a
 * member by first name (`hùng`) — or, when several share it, the question which one (`again` builds
 * the command each choice runs).
 */
function readSubject(
  ctx: CommandContext,
  text: string,
  again: (ref: string) => string,
): Subject | Reply[] | undefined {
  const member = findMember(ctx, text);
  if (member) return { kind: 'member', member };
  const department = findDepartment(ctx.agency, text);
  if (department) return { kind: 'department', department };
  const picked = pickMember(ctx, text, again);
  return picked && !Array.isArray(picked) ? { kind: 'member', member: picked } : picked;
}

/** Whether the caller may register for `subject`: themselves; their department as its head; anyone as an admin. */
function mayRegister(ctx: CommandContext, subject: Subject): boolean {
  if (ctx.isAdmin) return true;
  return subject.kind === 'member'
    ? subject.member.id === ctx.member?.id
    : isHeadOf(ctx.store, ctx.member, subject.department.id);
}

/**
 * `/dangkythidua [@người | phòng] [danh hiệu]`: registers the title a member (or a department) aims
 * for in the plan's year, or changes it — members for themselves, department heads for their
 * department, admins for anyone. Open until the plan's deadline, then to admins only. Without a
 * title: where the registration stands, with its history, and the titles as choices.
 */
export const dangkythidua: Command = defineCommand({
  name: 'dangkythidua',
  access: 'registeredOrAdmin',
  writes: true,
  usage: (t) => t.help.titles.usage,
  description: (t) => t.help.titles.description,
  async run(ctx) {
    const { t, plan, titles, store } = ctx;
    if (!plan?.registration || !titles || titles.year !== plan.year) return [say(t.titles.notConfigured)];
    const year = plan.year;
    const tokens = words(ctx.args);
    const named = readTitle(titles, tokens);
    const rest = tokens.slice(0, named?.at ?? tokens.length).join(' ');
    let subject: Subject | undefined;
    if (rest && DEPARTMENT.has(fold(rest)) && ctx.member) {
      subject = { kind: 'department', department: departmentOf(ctx, ctx.member) };
    } else if (rest) {
      // `Lao động tiên tiến xuất sắc`: a title's name with more words is no title at all — said so,
      // rather than reading its first words as a person or a department.
      if (readTitle(titles, words(rest))?.at === 0) {
        return refuse(
          ctx,
          dangkythidua,
          t.titles.notATitle(clip(tokens.join(' '))),
          t.titles.list(titleList(titles)),
        );
      }
      const near = named ? undefined : nearTitle(titles, tokens);
      if (near) return [meant(ctx, titles, tokens.slice(0, near.at).join(' '), near.title)];
      const title = named ? ` ${tokens.slice(named.at).join(' ')}` : '';
      const read = readSubject(ctx, rest, (ref) => `/dangkythidua ${ref}${title}`);
      if (Array.isArray(read)) return read;
      subject = read;
      if (!subject)
        return refuse(ctx, dangkythidua, t.titles.unknown(clip(rest)), t.titles.list(titleList(titles)));
    } else if (ctx.member) {
      subject =
        named?.title.subject === 'department'
          ? { kind: 'department', department: departmentOf(ctx, ctx.member) }
          : { kind: 'member', member: ctx.member };
    } else {
      return refuse(ctx, dangkythidua, t.titles.nameWho);
    }

    if (!named) return [status(ctx, titles, year, subject)];
    const { title } = named;
    if (title.subject !== subject.kind) {
      return refuse(
        ctx,
        dangkythidua,
        title.subject === 'member' ? t.titles.forMembers(title.name) : t.titles.forDepartments(title.name),
      );
    }
    if (!mayRegister(ctx, subject)) {
      return refuse(
        ctx,
        dangkythidua,
        subject.kind === 'member'
          ? t.titles.othersAdminOnly
          : t.titles.headOnly(subject.department.name, t.heads.title(subject.department)),
      );
    }
    if (registrationClosed(plan, ctx.now) && !ctx.isAdmin) {
      return [say(t.titles.closed(year, deadlineDay(plan.registration.deadline)))];
    }

    const before = store.registration(year, ref(subject));
    if (before?.titleId === title.id) return [say(t.titles.unchanged(title.name, nameOf(subject), year))];
    await store.registerTitle(year, ref(subject), title.id, ctx.actor);
    const previous = before && (titleById(titles, before.titleId)?.name ?? before.titleId);
    const replies: Reply[] = [
      say(
        previous
          ? t.titles.changed(previous, title.name, nameOf(subject), year)
          : t.titles.registered(title.name, nameOf(subject), year),
      ),
    ];
    // Someone registered for by another (an admin, or an admin for a department) is told, in private.
    const by = ctx.member?.fullName ?? ctx.caller.displayName;
    const told =
      subject.kind === 'member' ? subject.member.id : store.departmentHead(subject.department.id)?.memberId;
    if (told && told !== ctx.member?.id) {
      replies.push({
        ...say(
          subject.kind === 'member'
            ? t.titles.notice(by, title.name, year)
            : t.titles.noticeDepartment(by, title.name, subject.department.name, year),
        ),
        to: { member: told },
      });
    }
    return replies;
  },
});

/** The question whether `title` was meant, with the command that registers it for `who` (the caller if none). */
function meant(ctx: CommandContext, titles: TitlesConfig, who: string, title: Title): Reply {
  const { t } = ctx;
  return {
    ...say(t.titles.meant(title.name)),
    choices: [
      {
        label: who ? t.titles.choiceFor(who, title.name) : t.titles.choiceSelf(title.name),
        command: `/dangkythidua ${who ? `${who} ` : ''}${titleWord(titles, title)}`,
      },
    ],
  };
}

function departmentOf(ctx: CommandContext, member: Member): Department {
  return (
    ctx.agency.departments.find((d) => d.id === member.departmentId) ?? {
      id: member.departmentId,
      name: departmentName(ctx.agency, member.departmentId, ctx.t),
    }
  );
}

/** The history of a registration: when, what, by whom. */
function historyLines(ctx: CommandContext, titles: TitlesConfig, registration: Registration): HtmlPart[] {
  const { t, store } = ctx;
  return registration.history.map((h) =>
    t.titles.historyLine(
      formatDay(new Date(h.at)),
      h.action === 'registered' ? t.titles.actions.registered : t.titles.actions.updated,
      titleById(titles, h.note ?? '')?.name ?? h.note ?? '',
      store.member(h.by)?.fullName ?? h.by,
    ),
  );
}

/**
 * Where the registrations of `subject` stand (a member: theirs and their department's), the deadline,
 * and the titles the caller may choose as buttons.
 */
function status(ctx: CommandContext, titles: TitlesConfig, year: number, subject: Subject): Reply {
  const { t, store, plan } = ctx;
  if (subject.kind === 'member' && subject.member.id !== ctx.member?.id && !ctx.isAdmin) {
    return refuse(ctx, dangkythidua, t.titles.othersAdminOnly)[0] as Reply;
  }
  const shown: Subject[] =
    subject.kind === 'member'
      ? [subject, { kind: 'department', department: departmentOf(ctx, subject.member) }]
      : [subject];
  const lines: HtmlPart[] = [t.titles.statusTitle(year)];
  const choices: Choice[] = [];
  const closed = plan ? registrationClosed(plan, ctx.now) : false;
  for (const s of shown) {
    const registration = store.registration(year, ref(s));
    const current = registration && (titleById(titles, registration.titleId)?.name ?? registration.titleId);
    lines.push(
      s.kind === 'member'
        ? current
          ? t.titles.memberLine(s.member.fullName, current)
          : t.titles.memberNone(s.member.fullName)
        : current
          ? t.titles.departmentLine(s.department.name, current)
          : t.titles.departmentNone(s.department.name),
      ...(registration ? historyLines(ctx, titles, registration) : []),
    );
    if (!mayRegister(ctx, s) || (closed && !ctx.isAdmin)) continue;
    const self = s.kind === 'member' && s.member.id === ctx.member?.id;
    for (const title of titlesFor(titles, s.kind)) {
      if (title.id === registration?.titleId) continue;
      choices.push(
        self
          ? { label: t.titles.choiceSelf(title.name), command: `/dangkythidua ${titleWord(titles, title)}` }
          : {
              label: t.titles.choiceFor(nameOf(s), title.name),
              // Named as a reader knows them (Zalo and the console show the command): never by id.
              command: `/dangkythidua ${s.kind === 'member' ? memberRef(ctx, s.member) : s.department.name} ${titleWord(titles, title)}`,
            },
      );
    }
  }
  if (plan) lines.push('', deadlineLine(t, plan, ctx.now));
  return { ...say(...lines), ...(choices.length ? { choices } : {}) };
}
