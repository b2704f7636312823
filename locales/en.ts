import { type HtmlPart, html } from '../core/html.js';
import type { Messages, PeriodName } from './vi.js';

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const num = (n: number) => numbers.format(n);
/** `1 entry`, `3 entries`. */
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** English, beside the Vietnamese source: the compiler checks it has every key with the same parameters. */
export const en: Messages = {
  kind: { deed: 'Good deed', task: 'Task completed', initiative: 'Initiative' },
  periodName: (p: PeriodName) => {
    switch (p.kind) {
      case 'week':
        return `week ${p.index}/${p.year}`;
      case 'month':
        return `month ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `Q${p.index}/${p.year}`;
      case 'half':
        return `${p.index === 1 ? 'first' : 'second'} half of ${p.year}`;
      case 'year':
        return `year ${p.year}`;
    }
  },
  periodRange: (first: string, last: string) => `${first} – ${last}`,
  /** Up to when the figures of a period not over yet are counted. */
  asOf: (day: string) => `as of ${day}`,
  periodForms: html`Periods are written like: <code>week</code>, <code>last week</code>, <code>month</code>, <code>month 11</code>, <code>11/2026</code>, <code>November 2026</code>, <code>last month</code>, <code>quarter</code>, <code>Q4</code>, <code>Q4/2026</code>, <code>last quarter</code>, <code>first half</code>, <code>year</code>, <code>2025</code>, <code>last year</code> (Vietnamese words work too: tuần, tháng 11, quý IV, năm 2025).`,
  points: (n: number) => `${num(n)} ${n === 1 ? 'point' : 'points'}`,
  number: num,
  percent: (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—'),
  usageLine: (usage: HtmlPart) => html`Usage: <code>${usage}</code>`,

  errors: {
    internal: html`Sorry, something went wrong while handling this command. Before sending it again, check /cuatoi so that nothing is logged twice.`,
    storeWrite: html`Sorry, the server cannot write data right now, so <b>nothing was saved</b>. Please try again later.`,
    reportOnItsWay: html`This file is being made; it will be sent when it is ready.`,
    reportsBusy: html`Many report files are being made at once. Please send the command again in a few minutes.`,
    privateRefused: html`The bot could not write to you in private. Write to the bot privately once (on Zalo: add its account as a friend), then send the command again.`,
    unknownCommand: (name: HtmlPart) => html`There is no command /${name}. Send /help to see the commands.`,
    notRegistered: html`You have not registered yet. Send: <code>/dangky Full name | Department</code>`,
    adminOnly: html`This command is for administrators only (the Office, the Committee leadership).`,
    notGroupMember: html`Only members of the agency's group chat can register. Join the group, or send the command in the group.`,
    unknownPeriod: (token: HtmlPart) => html`Unknown period “${token}”.`,
    monthsSpan: (text: HtmlPart, months: number) =>
      months === 6
        ? html`Please say the first or the second half of the year (e.g. first half of 2026, 6 tháng cuối năm), instead of “${text}”.`
        : html`The bot sums by week, month, quarter, half-year or year, not by “${text}”: ask for ${months === 9 ? 'the first half and Q3, ' : ''}each quarter (Q1, Q2…) or the year (this year: to date).`,
    periodNotBegun: (name: HtmlPart, range: HtmlPart) =>
      html`The period ${name} (${range}) has not begun, so it has no figures yet. Ask for the current period or one already past (e.g. this week, last month).`,
    impossiblePeriod: (text: HtmlPart) =>
      html`There is no period “${text}”: weeks run 1 to 53, months 1 to 12, quarters 1 to 4 (I–IV), years 2000 to 2100.`,
    reasonNeedsWords: (reason: HtmlPart, example: HtmlPart) =>
      html`The reason “${reason}” says nothing. Please give the reason in words, e.g. <code>${example}</code>. Nothing was changed.`,
    noticeUndelivered: (who: HtmlPart) =>
      html`⚠️ The notice for ${who} could not be sent: the bot cannot write to them in private (they have not opened a chat with it). Please tell them directly.`,
    twoPeriods: (first: HtmlPart, second: HtmlPart) =>
      html`Two periods were given, “${first}” and “${second}”: please choose one.`,
    leftGroup: html`As far as the bot knows, you are no longer in the agency's group chat, so you cannot log entries any more. If this is a mistake, please contact the Office.`,
    agencyOnly: html`This information is only for the staff in the agency's group chat.`,
    alreadyHandled: (what: HtmlPart) =>
      what
        ? html`This message was handled already (<code>${what}</code>); nothing is recorded twice.`
        : html`This message was handled already; nothing is recorded twice.`,
    botAccount: html`Bot accounts cannot register or log entries.`,
    anonymousAdmin: html`A message sent on behalf of the group (an anonymous admin) does not say who sent it, so the bot cannot log it. Please send it again from your own account.`,
    forwarded: html`The bot does not run a command in a forwarded message: those are someone else's words. Please send the command yourself if it is yours.`,
  },

  people: {
    whichOne: (name: HtmlPart, count: number) =>
      html`${count} colleagues are called “${name}”. Which one do you mean?`,
    choice: (name: string, dept: string) => `${name} (${dept})`,
  },

  chat: {
    pointer: (greeting: boolean) =>
      html`${greeting ? 'Hello! ' : ''}The bot takes commands starting with /, e.g. <code>/viectot Covered a sick colleague's shift</code>. Send /help to see the commands.`,
    didYouMean: (names: readonly string[], args: string) =>
      html`Did you mean <code>${names.length === 1 ? [names[0], args].filter(Boolean).join(' ') : names.join(' or ')}</code>? Nothing was saved: please send the command as shown (starting with /, its name in one word).`,
  },

  help: {
    desk: { usage: '/banlamviec', description: 'Open the web desk' },
    cancel: { usage: '/khong', description: 'Cancel: answers “no” to a confirmation the bot asked for' },
    start: { usage: '/batdau', description: 'About the bot and how to register' },
    help: { usage: '/trogiup', description: 'The commands you can use' },
    register: { usage: '/dangky Full name | Department', description: 'Register or update your profile' },
    deed: {
      usage: '/viectot text',
      description: 'Log a good deed; to credit a colleague, name them first (/viectot @lan covered my shift)',
    },
    task: { usage: '/hoanthanh text', description: 'Log a completed task (#dotxuat: unplanned)' },
    initiative: {
      usage: '/sangkien text',
      description: 'Log an initiative or new model (#cntt: IT application)',
    },
    mine: {
      usage: '/cuatoi [period]',
      description: 'Your entries and points (period: week, last week, month 11, Q4, 2025…)',
    },
    withdraw: {
      usage: '/huy CODE [reason]',
      description: "Withdraw an entry you logged (administrators withdrawing someone else's: give a reason)",
    },
    leaderboard: {
      usage: '/bangxephang [period] [anh]',
      description: 'Leaderboard of members and departments (default: this week; add “anh” for a picture)',
    },
    summary: {
      usage: '/tonghop [period] [department name] [file|binhxet]',
      description: 'Summary of the movement, report files (administrators)',
    },
    pending: { usage: '/choduyet', description: 'Entries awaiting the Council' },
    approve: { usage: '/duyet CODE', description: 'Approve an entry (Council)' },
    reject: {
      usage: '/tuchoi CODE reason',
      description: 'Do not approve an entry, with the reason (Council)',
    },
    history: { usage: '/lichsu CODE', description: "An entry's whole history" },
    reopen: {
      usage: '/xetlai CODE reason',
      description: 'Put a decided entry back to awaiting review, with the reason (Council)',
    },
    move: {
      usage: '/chuyenphong [@person |] department name',
      description: 'Move to another department from today (administrators move others)',
    },
    link: { usage: '/lienket [CODE]', description: 'Link your Telegram and Zalo accounts into one profile' },
    plan: {
      usage: '/kehoach [anh]',
      description: "Progress of the year's targets and milestones (add “anh” for a picture)",
    },
    preview: {
      usage: '/xemtruoc bangxephang|thang|nhac',
      description: 'Preview a scheduled post (administrators)',
    },
    postNow: {
      usage: '/dangngay bangxephang|thang',
      description: 'Post to the group now, once confirmed (administrators)',
    },
    nudgesOff: { usage: '/tatnhac', description: 'Turn personal reminders off' },
    nudgesOn: { usage: '/batnhac', description: 'Turn personal reminders on' },
    models: {
      usage: '/dienhinh [CODE | @person reason | department reason | NO tiep note]',
      description: 'Model examples: propose, follow the 4 stages',
    },
    titles: {
      usage: '/dangkythidua [@person | department] [title]',
      description:
        "Register the year's emulation title: a member's own (Lao động tiên tiến, Chiến sĩ thi đua cơ sở), a department's (its head)",
    },
    heads: {
      usage: '/truongphong [@person | department bo]',
      description: "Department heads, who register their department's title (named by admins)",
    },
    achievement: {
      usage: '/baocaothanhtich [year] [@person | phong | department | tatca]',
      description: "Achievement report draft (Word): yours, your department's (heads), everyone's (Council)",
    },
    approveJoin: {
      usage: '/duyetdangky ACCOUNT | Full name | Department',
      description: 'Approve a registration request from the Zalo Bot, or add a member (admins)',
    },
    refuseJoin: {
      usage: '/tuchoidangky ACCOUNT [reason]',
      description: 'Turn down a registration request and tell the person (admins)',
    },
    title: html`<b>Commands you can use</b>`,
    photoTip: html`Send a photo whose caption is a logging command to keep the photo as evidence (on Telegram, several photos at once).`,
  },

  start: {
    greeting: (name: HtmlPart, agency: HtmlPart) =>
      html`Hello ${name}! This bot runs the <b>2026 emulation movement</b> of ${agency}.`,
    purpose:
      'Staff log good deeds, completed tasks and initiatives from their phones; everyone sees points and the ' +
      'rankings of members and departments; the Office gets its periodic summaries.',
    howToRegister: html`To start, register: <code>/dangky Full name | Department</code>`,
    registered: (name: HtmlPart, dept: HtmlPart) => html`You are registered as <b>${name}</b> — ${dept}.`,
    moreHelp: html`Send /help to see the commands.`,
  },

  register: {
    missingName: html`Please write your full name before the | sign.`,
    departmentAsName: (dept: HtmlPart) =>
      html`“${dept}” is the name of a department. Please write the full name before the | sign and the department after it.`,
    swappedChoice: (name: string, dept: string) => `Register: ${name} — ${dept}`,
    plainName: (name: HtmlPart) =>
      html`The name “${name}” has no diacritics or capitals. Official reports will print it exactly so. Please send it again with diacritics and capitals (e.g. <code>/dangky Nguyễn Văn Nam | Phòng Cán bộ</code>), or choose to keep it.`,
    keepName: (name: string) => `Keep “${name}”`,
    sameName: (name: HtmlPart) =>
      html`Another member is already named “${name}”. If you are two people with the same name, please add something to tell you apart, e.g. “${name} (1985)”. If that is you on another platform, use /lienket to link the two accounts.`,
    confirmMove: (name: HtmlPart, from: HtmlPart, to: HtmlPart) =>
      html`${name} belongs to <b>${from}</b>. Move to <b>${to}</b> from today? Entries logged before keep counting for ${from}.`,
    confirmMoveButton: (to: string) => `Confirm the move to ${to}`,
    moved: (name: HtmlPart, from: HtmlPart, to: HtmlPart) =>
      html`✅ ${name} moved from ${from} to <b>${to}</b> from today. Entries logged before keep counting for ${from}.`,
    alreadyThere: (name: HtmlPart, dept: HtmlPart) => html`${name} belongs to ${dept} already.`,
    missingMoveDepartment: html`Please give the department to move to.`,
    unknownPerson: (query: HtmlPart) =>
      html`No member matches “${query}”. Give an @colleague or the full name as registered.`,
    moveOthersAdminOnly: html`Only administrators move other members.`,
    noticeMoved: (from: HtmlPart, to: HtmlPart, by: HtmlPart) =>
      html`${by} moved you from ${from} to <b>${to}</b> from today. Entries logged before keep counting for ${from}.`,
    nameTooLong: (max: number) => html`The name is longer than ${max} characters.`,
    pickDepartment: (name: HtmlPart) => html`Pick the department of <b>${name}</b>:`,
    unknownDepartment: (query: HtmlPart) => html`No department matches “${query}”.`,
    departmentList: html`Departments:`,
    answerWithNumber: html`Answer with the command and a number, for example:`,
    created: (name: HtmlPart, dept: HtmlPart) =>
      html`✅ Registered <b>${name}</b> — ${dept}. Welcome to the movement!`,
    updated: (name: HtmlPart, dept: HtmlPart) => html`✅ Profile updated: <b>${name}</b> — ${dept}.`,
    next: html`Log your first entry: <code>/viectot text</code>, <code>/hoanthanh text</code> or <code>/sangkien text</code>.`,
  },

  entry: {
    repeated: (code: HtmlPart, time: HtmlPart, text: HtmlPart) =>
      html`You logged this today at ${time} (code <code>${code}</code>):\n<i>${text}</i>\nNothing more was saved.`,
    repeatAsk: html`If this is something else, choose “Log again”; if it was sent by mistake, choose “Cancel”.`,
    repeatResend: (example: HtmlPart) =>
      html`If this is something else, send the command again with <code>#ghithem</code> at the end (${example}).`,
    repeatButton: 'Log again',
    needsWords: (kind: 'deed' | 'task' | 'initiative', min: number) =>
      html`Please describe ${
        { deed: 'the good deed', task: 'the task you completed', initiative: 'the initiative or model' }[kind]
      } (at least ${min} different words, not counting # tags, mentioned people, emoji and punctuation). For example: <code>${
        {
          deed: '/viectot Covered a shift for a colleague who was ill',
          task: '/hoanthanh Finished the third-quarter review report',
          initiative: '/sangkien Digitised party member records, searchable by QR code #cntt',
        }[kind]
      }</code>`,
    tooLong: (length: number, max: number) =>
      html`The text is ${length} characters long; at most ${max} are allowed.`,
    mentionNotRegistered: (label: HtmlPart) =>
      html`${label} has not registered with the bot, so nothing was logged. Ask them to send /dangky first.`,
    oneMentionOnly: html`Each entry credits one person. Please send one entry per colleague.`,
    dailyLimit: (max: number) =>
      html`You have logged ${max} entries today, the daily maximum (every entry you log counts, including those for colleagues; withdrawn ones do not). Please continue tomorrow.`,
    saved: (kind: HtmlPart, code: HtmlPart, points: HtmlPart) =>
      html`✅ Saved <b>${kind}</b> — code <code>${code}</code>, ${points}.`,
    alreadySaved: (code: HtmlPart) => html`This message was logged already, code <code>${code}</code>.`,
    creditedTo: (name: HtmlPart, reporter: HtmlPart) =>
      html`Credited to: <b>${name}</b> (reported by ${reporter}).`,
    creditedSelf: (name: HtmlPart) => html`Credited to: <b>${name}</b>.`,
    mentionHint: html`To credit a good deed to a colleague, name them right after the command, e.g. <code>/viectot @lan covered my shift</code>.`,
    tags: (tags: HtmlPart) => html`Marked: ${tags}`,
    adhocTag: html`unplanned task`,
    itTag: html`IT-application model`,
    photoKept: (count: number) =>
      count > 1 ? html`📷 ${count} photos are kept as evidence.` : html`📷 The photo is kept as evidence.`,
    compact: (kind: HtmlPart, code: HtmlPart, points: HtmlPart, name: HtmlPart) =>
      html`✅ ${kind} <code>${code}</code>, ${points} — ${name}`,
    rank: (name: HtmlPart, rank: number, of: number, points: HtmlPart) =>
      html`This week ${name} ranks ${rank}/${of} among members with points, with ${points}.`,
    unranked: (name: HtmlPart) => html`This week ${name} has no counted points yet.`,
    withdrawHint: (code: HtmlPart) => html`A mistake? Send <code>/huy ${code}</code> to withdraw it.`,
  },

  mine: {
    title: (name: HtmlPart, period: HtmlPart) => html`<b>Entries of ${name}</b> — ${period}`,
    none: html`No entries in this period yet.`,
    line: (code: HtmlPart, day: HtmlPart, kind: HtmlPart, points: HtmlPart, text: HtmlPart) =>
      html`<code>${code}</code> ${day} · ${kind} · ${points}\n   ${text}`,
    state: (state: HtmlPart) => html`(${state})`,
    reason: (reason: HtmlPart) => html`— reason: ${reason}`,
    reportedBy: (name: HtmlPart) => html`(reported by ${name})`,
    total: (points: HtmlPart, count: number) =>
      html`Total: <b>${points}</b> from ${count} counted ${count === 1 ? 'entry' : 'entries'}.`,
    rank: (rank: number, of: number) => html`Rank: ${rank}/${of} among members with points in the period.`,
    unranked: html`Rank: no points in this period yet.`,
    reportedForOthers: (count: number) =>
      html`You reported ${count} good ${count === 1 ? 'deed' : 'deeds'} of colleagues.`,
    more: (count: number) => html`… and ${count} more.`,
  },

  states: {
    withdrawn: 'Withdrawn',
    rejected: 'Not approved',
    approved: 'Approved',
    pending: 'Awaiting review',
  },
  counting: (counted: boolean) => (counted ? 'counted' : 'not counted'),
  yesNo: (yes: boolean) => (yes ? 'Yes' : 'No'),

  withdraw: {
    missingCode: html`Please give the code of the entry to withdraw, e.g. <code>/huy VT12</code>.`,
    reasonExample: 'Logged for the wrong person',
    missingReason: (code: HtmlPart) =>
      html`Entry <code>${code}</code> was not logged by you: please give the reason, e.g. <code>/huy ${code} Duplicate of an earlier entry</code>. The member credited will be told.`,
    reasonTooLong: (max: number) => html`The reason is longer than ${max} characters.`,
    notice: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart, reason: string) =>
      html`Entry <code>${code}</code> (${kind}) credited to you was withdrawn by ${by} and no longer counts.${reason ? html`\nReason: ${reason}` : ''}\n<i>${text}</i>`,
    noticeReporter: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart, reason: string) =>
      html`Entry <code>${code}</code> (${kind}) that you logged was withdrawn by ${by} and no longer counts.${reason ? html`\nReason: ${reason}` : ''}\n<i>${text}</i>`,
    unknownCode: (code: HtmlPart) => html`There is no entry with code “${code}”.`,
    notYours: (code: HtmlPart) =>
      html`Entry <code>${code}</code> was logged by someone else, so you cannot withdraw it.`,
    alreadyWithdrawn: (code: HtmlPart) => html`Entry <code>${code}</code> was withdrawn already.`,
    done: (code: HtmlPart, points: HtmlPart) =>
      html`↩️ Entry <code>${code}</code> withdrawn; its ${points} no longer count.`,
    doneFor: (code: HtmlPart, points: HtmlPart, name: HtmlPart) =>
      html`↩️ Entry <code>${code}</code> of ${name} withdrawn; its ${points} no longer count.`,
  },

  leaderboard: {
    title: (period: HtmlPart) => html`🏆 <b>Emulation leaderboard</b> — ${period}`,
    members: (n: number) => html`<b>Top members</b> (top ${n})`,
    ties: (shown: number) => html`<i>The list has ${shown} members because of ties.</i>`,
    noPoints: html`Nobody was credited in this period.`,
    noPointsYet: html`Nobody has logged anything in this period yet. Be the first!`,
    memberLine: (rank: number, name: HtmlPart, dept: HtmlPart, points: HtmlPart) =>
      html`${rank}. ${name} (${dept}) — ${points}`,
    departments: html`<b>Departments</b> (ranked by points per member)`,
    departmentLine: (rank: number, name: HtmlPart, perMember: HtmlPart, points: HtmlPart, members: number) =>
      rank
        ? html`${rank}. ${name} — ${perMember} points/member (total ${points}, ${members} ${members === 1 ? 'member' : 'members'})`
        : html`• ${name} — no points in this period (${members} ${members === 1 ? 'member' : 'members'})`,
  },

  summary: {
    title: (period: HtmlPart, range: HtmlPart, department?: string) =>
      html`📊 <b>Emulation summary${department ? html` — ${department}` : ''} — ${period}</b> (${range})`,
    reviewSheetWholeAgency: (dept: HtmlPart) =>
      html`<i>The review sheet covers the whole agency (every member and department), not only “${dept}”.</i>`,
    unknownWords: (words: HtmlPart) => html`“${words}” is neither a period nor a department.`,
    departmentsList: html`Departments are named by their name (diacritics optional) or id:`,
    departmentItem: (name: HtmlPart, id: HtmlPart) => html`• ${name} (<code>${id}</code>)`,
    byKind: html`<b>By kind</b>`,
    kindLine: (kind: HtmlPart, count: number, points: HtmlPart) =>
      html`• ${kind}: ${entries(count)}, ${points}`,
    adhoc: (count: number) => html`   of which unplanned tasks: ${count}`,
    it: (count: number) => html`   of which IT-application models: ${count}`,
    total: (count: number, points: HtmlPart) => html`<b>Total:</b> ${entries(count)}, ${points}`,
    byDepartment: html`<b>By department</b>`,
    departmentLine: (
      name: HtmlPart,
      count: number,
      points: HtmlPart,
      participants: number,
      members: number,
      pct: HtmlPart,
    ) => html`• ${name}: ${entries(count)}, ${points}; participation ${participants}/${members} (${pct})`,
    participation: (participants: number, members: number, pct: HtmlPart) =>
      html`<b>Participation:</b> ${participants}/${members} members with at least one entry (${pct})`,
    topMembers: html`<b>Top members</b>`,
    memberLine: (rank: number, name: HtmlPart, dept: HtmlPart, points: HtmlPart, count: number) =>
      html`${rank}. ${name} (${dept}) — ${points}, ${entries(count)}`,
    /** A member listed in a department's summary for points earned there, who has since moved. */
    nowIn: (dept: HtmlPart) => html`now in ${dept}`,
    targets: html`<b>Plan targets</b>`,
    adhocTotal: (count: number) => html`• Arising, unplanned tasks completed: ${count}`,
    itTotal: (count: number) => html`• IT-application models (target: at least 1): ${count}`,
    withdrawn: (count: number) => html`<b>Withdrawn entries:</b> ${count}`,
    withdrawnCodes: (codes: HtmlPart) => html`   ${codes}`,
    empty: html`No entries in this period yet.`,
    review: (approved: number, rejected: number, pending: number) =>
      html`<b>Council review:</b> approved ${approved}, not approved ${rejected}, awaiting ${pending}.`,
    modes: {
      after:
        'Entries count as soon as they are logged; an entry the Council does not approve stops counting.',
      before: 'Entries count only once the Council approves them.',
    },
    models: (count: number) => html`<b>Model examples:</b> ${count}`,
    modelStage: (stage: HtmlPart, count: number) => html`   ${stage}: ${count}`,
    fileButton: '📎 Report files (Excel, Word)',
    filesSent: (period: HtmlPart) =>
      html`📎 Report files for ${period}: the Excel summary and the Word report draft.`,
    reviewSheetSent: (year: number) =>
      html`📎 Year-end review sheet ${year}: the record of every member and department.`,
    reviewSheetYearOnly: html`The review sheet is for a whole year, e.g. <code>/tonghop 2026 binhxet</code>.`,
    registrationTitle: (year: number) => html`<b>Title registrations ${year}</b>`,
    registrationMembers: (done: number, total: number) => html`• Members registered: ${done}/${total}`,
    registrationDepartments: (done: number, total: number) =>
      html`• Departments registered: ${done}/${total}`,
    registrationByTitle: (title: HtmlPart, count: number) => html`   ${title}: ${count}`,
    registrationMissing: (names: HtmlPart, more: number) =>
      html`   Not registered: ${names}${more > 0 ? html` and ${more} more` : ''}`,
    registrationMissingDepartments: (names: HtmlPart) => html`   Departments not registered: ${names}`,
  },

  titles: {
    notConfigured: html`Title registration is not configured: it needs a deadline (<code>registration</code>) in the plan file and a titles file for the same year.`,
    statusTitle: (year: number) => html`📝 <b>Emulation title registration ${year}</b>`,
    memberLine: (name: HtmlPart, title: HtmlPart) => html`• Member ${name}: <b>${title}</b>`,
    memberNone: (name: HtmlPart) => html`• Member ${name}: <i>not registered</i>`,
    departmentLine: (dept: HtmlPart, title: HtmlPart) => html`• Department ${dept}: <b>${title}</b>`,
    departmentNone: (dept: HtmlPart) => html`• Department ${dept}: <i>not registered</i>`,
    historyLine: (day: HtmlPart, action: HtmlPart, title: HtmlPart, by: HtmlPart) =>
      html`   ${day}: ${action} ${title} — ${by}`,
    actions: { registered: 'registered', updated: 'changed to' },
    deadlineOpen: (day: HtmlPart, days: number) =>
      days > 0
        ? html`Registrations and changes until the end of ${day} (${days} days left).`
        : html`Registrations and changes until the end of today, ${day}.`,
    deadlinePassed: (day: HtmlPart) =>
      html`The deadline was ${day}: from now on only admins (the Office) register or change titles.`,
    choiceSelf: (title: string) => `Register: ${title}`,
    choiceFor: (name: string, title: string) => `${name}: ${title}`,
    registered: (title: HtmlPart, name: HtmlPart, year: number) =>
      html`✅ Registered the title <b>${title}</b> for ${year} for ${name}.`,
    changed: (from: HtmlPart, to: HtmlPart, name: HtmlPart, year: number) =>
      html`✅ Changed the ${year} registration of ${name} from ${from} to <b>${to}</b>. The earlier registration stays in the history.`,
    unchanged: (title: HtmlPart, name: HtmlPart, year: number) =>
      html`${name} is registered for <b>${title}</b> in ${year} already; nothing changed.`,
    closed: (year: number, day: HtmlPart) =>
      html`Registration for ${year} closed at the end of ${day}. To register or change a title, please contact the Office.`,
    othersAdminOnly: html`Only admins register titles for others or see others' registrations.`,
    headOnly: (dept: HtmlPart, head: string) =>
      html`The title of ${dept} is registered by ${head} or an admin. Admins name ${head} on the bot with /truongphong.`,
    forMembers: (title: HtmlPart) =>
      html`<b>${title}</b> is a member's title: each member registers their own.`,
    forDepartments: (title: HtmlPart) =>
      html`<b>${title}</b> is a department's title: registered for the department by its head or an admin.`,
    unknown: (words: HtmlPart) => html`Not understood “${words}”: not a title, a member or a department.`,
    meant: (title: HtmlPart) =>
      html`Did you mean the title <b>${title}</b>? Nothing was registered: pick it to register, or send the command again.`,
    notATitle: (words: HtmlPart) => html`“${words}” is not an emulation title.`,
    list: (titles: HtmlPart) => html`Titles: ${titles}.`,
    nameWho: html`Please say whom to register: @person or a department, e.g. <code>/dangkythidua @lan LĐTT</code>.`,
    notice: (by: HtmlPart, title: HtmlPart, year: number) =>
      html`📝 ${by} registered the emulation title <b>${title}</b> for ${year} for you. See: /dangkythidua`,
    noticeDepartment: (by: HtmlPart, title: HtmlPart, dept: HtmlPart, year: number) =>
      html`📝 ${by} registered the emulation title <b>${title}</b> for ${year} for the department ${dept}.`,
  },

  heads: {
    listTitle: html`<b>Department heads on the bot</b> (they register their department's title):`,
    line: (dept: HtmlPart, name: HtmlPart, since: HtmlPart) => html`• ${dept}: ${name} (since ${since})`,
    none: (dept: HtmlPart) => html`• ${dept}: <i>none named</i>`,
    adminOnly: html`Only admins name department heads.`,
    unknown: (query: HtmlPart) =>
      html`No member or department “${query}”. Write @colleague, the full name as registered, or a department.`,
    noHead: (dept: HtmlPart, head: string) => html`${dept}: no one is named ${head} on the bot.`,
    removed: (name: HtmlPart, head: string) =>
      html`${name} is no longer ${head} on the bot. The history is kept.`,
    already: (name: HtmlPart, head: string) => html`${name} is ${head} on the bot already.`,
    assigned: (name: HtmlPart, head: string) =>
      html`✅ ${name} is ${head} on the bot: they register the department's emulation title.`,
    replaced: (previous: HtmlPart) => html`(replacing ${previous}; the history is kept)`,
    notice: (head: string, by: HtmlPart) =>
      html`${by} named you ${head} on the bot: you register the department's emulation title with /dangkythidua.`,
    title: (dept: { name: string; headTitle?: string | undefined }) => `the head of ${dept.name}`,
  },

  achievement: {
    sent: (name: HtmlPart, year: number) =>
      html`📎 Draft achievement report ${year} of ${name} (a Word file to edit and sign).`,
    sentDepartment: (dept: HtmlPart, year: number) =>
      html`📎 Draft achievement report ${year} of the department ${dept} (a Word file to edit and sign).`,
    sentAll: (members: number, departments: number, year: number) =>
      html`📎 Draft achievement reports ${year}: ${members} members and ${departments} departments, one Word file each, in one zip file.`,
    draftNote: html`<i>A draft from the bot's records: figures as the review sheet counts them, the entries the Council approved listed; the [Cần bổ sung] parts are for the person reporting to write.</i>`,
    sentPrivately: html`📎 The achievement report is sent to you in private.`,
    othersOnly: html`You can get your own achievement report; department heads their department's. The Council and admins can get everyone's.`,
    allCouncilOnly: html`Everyone's achievement reports are for the Council and admins only.`,
    yearOnly: html`Achievement reports are for a whole year, e.g. <code>/baocaothanhtich 2026</code>.`,
    periodFirst: html`Please write the year first, then the person or department, e.g. <code>/baocaothanhtich 2026 @lan</code>.`,
    unknown: (words: HtmlPart) => html`Not understood “${words}”: not a year, a member or a department.`,
    nameWho: html`Please say whose report: @person, a department or <code>tatca</code>.`,
  },

  review: {
    councilOnly: html`This command is for members of the Emulation and Commendation Council and administrators.`,
    pendingCounted: (n: number) =>
      html`⏳ ${n} ${n === 1 ? 'entry has' : 'entries have'} not been reviewed by the Council yet (counted; may still be rejected).`,
    pendingNotCounted: (n: number) =>
      html`⏳ ${n} ${n === 1 ? 'entry awaits' : 'entries await'} the Council's review (not counted yet).`,
    listTitle: (n: number) => html`<b>Awaiting review</b>: ${n}, oldest first.`,
    listNone: html`Nothing awaits review. 👍`,
    listMore: (n: number) => html`… and ${n} more. Review the ones above, then send /choduyet again.`,
    item: (
      code: HtmlPart,
      kind: HtmlPart,
      points: HtmlPart,
      name: HtmlPart,
      dept: HtmlPart,
      day: HtmlPart,
      text: HtmlPart,
    ) => html`<code>${code}</code> · ${kind} · ${points}\n${name} (${dept}) · ${day}\n<i>${text}</i>`,
    photo: (count: number) =>
      count > 1 ? html`📷 with ${count} photos as evidence` : html`📷 with photo evidence`,
    approveButton: '✅ Approve',
    rejectButton: '❌ Reject',
    missingCode: (command: HtmlPart) =>
      html`Please give the entry's code, e.g. <code>/${command} VT12</code>.`,
    missingReason: (code: HtmlPart) =>
      html`Please give the reason, e.g. <code>/tuchoi ${code} Duplicate of an earlier entry</code>, or pick one:`,
    reasons: ['Duplicate of an earlier entry', 'Not enough evidence', 'Not part of the emulation movement'],
    reopenExample: 'New evidence added',
    reasonTooLong: (max: number) => html`The reason is longer than ${max} characters.`,
    approved: (code: HtmlPart, name: HtmlPart) => html`✅ Entry <code>${code}</code> of ${name} approved.`,
    missingReopenReason: (code: HtmlPart) =>
      html`Please give the reason to reconsider, e.g. <code>/xetlai ${code} New evidence provided</code>.`,
    notDecided: (code: HtmlPart) =>
      html`Entry <code>${code}</code> awaits review; there is no decision to reconsider.`,
    reopened: (code: HtmlPart, name: HtmlPart, reason: HtmlPart) =>
      html`🔄 Entry <code>${code}</code> of ${name} is back to awaiting review. Reason: ${reason}`,
    /** Who decided an entry, as its notices name them: one person, not the Council's meeting. */
    by: { council: 'a member of the Emulation and Commendation Council', admin: 'an administrator' },
    noticeReopened: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, reason: HtmlPart, by: HtmlPart) =>
      html`🔄 Entry <code>${code}</code> (${kind}) credited to you is back to awaiting review by ${by}.\nReason: ${reason}\n<i>${text}</i>`,
    noticeReopenedReporter: (
      code: HtmlPart,
      kind: HtmlPart,
      name: HtmlPart,
      text: HtmlPart,
      reason: HtmlPart,
      by: HtmlPart,
    ) =>
      html`🔄 Entry <code>${code}</code> (${kind}) that you logged for ${name} is back to awaiting review by ${by}.\nReason: ${reason}\n<i>${text}</i>`,
    noticeApprovedReporter: (code: HtmlPart, kind: HtmlPart, name: HtmlPart, text: HtmlPart, by: HtmlPart) =>
      html`✅ Entry <code>${code}</code> (${kind}) that you logged for ${name} was approved by ${by}.\n<i>${text}</i>`,
    noticeRejectedReporter: (
      code: HtmlPart,
      kind: HtmlPart,
      name: HtmlPart,
      text: HtmlPart,
      reason: HtmlPart,
      by: HtmlPart,
    ) =>
      html`Entry <code>${code}</code> (${kind}) that you logged for ${name} was not approved by ${by}.\nReason: ${reason}\n<i>${text}</i>`,
    rejected: (code: HtmlPart, name: HtmlPart, reason: HtmlPart) =>
      html`❌ Entry <code>${code}</code> of ${name} not approved. Reason: ${reason}`,
    alreadyDecided: (code: HtmlPart, decision: HtmlPart) =>
      html`Entry <code>${code}</code> was ${decision} already.`,
    decisions: { approved: 'approved', rejected: 'rejected' },
    withdrawnEntry: (code: HtmlPart) =>
      html`Entry <code>${code}</code> was withdrawn; there is nothing to review.`,
    ownEntry: (code: HtmlPart) =>
      html`Entry <code>${code}</code> is yours; another Council member will review it.`,
    noticeApproved: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, by: HtmlPart) =>
      html`✅ Entry <code>${code}</code> (${kind}) credited to you was approved by ${by}.\n<i>${text}</i>`,
    noticeRejected: (code: HtmlPart, kind: HtmlPart, text: HtmlPart, reason: HtmlPart, by: HtmlPart) =>
      html`Entry <code>${code}</code> (${kind}) credited to you was not approved by ${by}.\nReason: ${reason}\n<i>${text}</i>\nYou may log it again with fuller details or evidence.`,
  },

  history: {
    account: (platform: string, id: string) => `${platform} account ${id} (no profile)`,
    title: (code: HtmlPart, kind: HtmlPart) => html`<b>History of entry <code>${code}</code></b> — ${kind}`,
    credited: (name: HtmlPart, reporter: HtmlPart) => html`Credited to ${name}; reported by ${reporter}`,
    creditedSelf: (name: HtmlPart) => html`Credited to ${name} (logged by themselves)`,
    state: (state: HtmlPart, counting: HtmlPart) => html`Status: ${state}, ${counting}.`,
    department: (name: HtmlPart) => html`Counts for: ${name}`,
    line: (time: HtmlPart, action: HtmlPart, by: HtmlPart, platform: HtmlPart) =>
      html`• ${time} — ${action} — ${by} (${platform})`,
    note: (note: HtmlPart) => html`   ${note}`,
    actions: {
      created: 'logged',
      withdrawn: 'withdrawn',
      approved: 'approved',
      rejected: 'not approved',
      registered: 'registered',
      updated: 'updated',
      linked: 'account linked',
      proposed: 'proposed as a model example',
      advanced: 'model example moved on',
      moved: 'moved department',
      reopened: 'reconsidered',
      left: "left the agency's group",
      rejoined: "back in the agency's group",
      assigned: 'named department head',
      unassigned: 'no longer department head',
      recorded: 'put on record',
      corrected: 'corrected',
      annulled: 'annulled',
      used: 'used as the basis of an award',
    },
    platforms: {
      telegram: 'Telegram',
      zalo: 'Zalo',
      zalobot: 'Zalo Bot',
      console: 'console demo',
      web: 'the desk',
    },
  },

  models: {
    stages: { discover: 'Discover', nurture: 'Nurture', sumup: 'Sum up', replicate: 'Replicate' },
    listTitle: html`🌟 <b>Model examples</b> (discover – nurture – sum up – replicate)`,
    none: html`No model example has been proposed yet.`,
    stageHeader: (stage: HtmlPart, count: number) => html`<b>${stage}</b> (${count})`,
    line: (no: number, subject: HtmlPart, reason: HtmlPart, since: HtmlPart) =>
      html`${no}. ${subject} — ${reason} (since ${since})`,
    subjectEntry: (code: HtmlPart, name: HtmlPart, text: HtmlPart) =>
      html`entry <code>${code}</code> of ${name}: “${text}”`,
    subjectMember: (name: HtmlPart, dept: HtmlPart) => html`${name} (${dept})`,
    subjectDepartment: (name: HtmlPart) => html`the collective of ${name}`,
    proposed: (no: number, subject: HtmlPart) =>
      html`🌟 Model example no. ${no} proposed: ${subject}. Stage: <b>Discover</b>.`,
    advanced: (no: number, subject: HtmlPart, stage: HtmlPart) =>
      html`🌟 Model example no. ${no} (${subject}) moved to the <b>${stage}</b> stage.`,
    missingReason: html`Please give the reason for the proposal after the person or department.`,
    missingNote: (no: number) =>
      html`Please describe the stage, e.g. <code>/dienhinh ${no} tiep Presented at the agency's conference</code>.`,
    unknownSubject: (query: HtmlPart) =>
      html`Whom is it for? “${query}” is not clear. Give an entry code (VT12), an @colleague or a department.`,
    unknownModel: (no: number) => html`There is no model example no. ${no}.`,
    lastStage: (no: number) => html`Model example no. ${no} is at the last stage (Replicate) already.`,
    duplicate: (no: number) => html`Model example no. ${no} already covers this.`,
    councilAdvances: html`Only members of the Council move a model example to its next stage.`,
    ownSubject: (no: number) =>
      html`Model example no. ${no} is about you, your entry or your department: another Council member will move it on.`,
    tooLong: (max: number) => html`The text is longer than ${max} characters.`,
  },

  buttons: {
    expired: 'This choice has expired. Please send the command again.',
    notYours: 'This button belongs to the person who sent the command.',
  },

  /** Registration on a platform without a group (the Zalo Bot Platform): an admin approves. */
  join: {
    requested: (name: HtmlPart, dept: HtmlPart) =>
      html`📨 Your registration request (<b>${name}</b> — ${dept}) was sent to the admins. You will get a message once it is approved. If you are registered on Telegram or Zalo already, you can link the accounts now with /lienket.`,
    alreadyRequested: (admins: number, at: string) =>
      html`Your registration request was sent to ${admins} ${admins === 1 ? 'admin' : 'admins'} at ${at} and awaits approval; the bot does not send it again within the hour. If it is urgent, please contact the Office.`,
    requestUndelivered: html`⚠️ Your registration request could not be sent: the bot can reach no admin. Please contact the Office directly.`,
    toAdmins: (name: HtmlPart, dept: HtmlPart, shownAs: HtmlPart, platform: HtmlPart, account: HtmlPart) =>
      html`📨 <b>Registration request</b> via ${platform}: <b>${name}</b> — ${dept} (display name: ${shownAs}; account <code>${account}</code>). Please check that this is a member of the agency's staff before approving.`,
    approveChoice: (name: string) => `✅ Approve: ${name}`,
    refuseChoice: '✖ Turn down',
    badAccount: (account: HtmlPart) =>
      html`“${account}” is not an account. Write it as in the request, e.g. <code>zalobot:6ede9afa66b88fe6d6a9</code>.`,
    alreadyMember: (name: HtmlPart) => html`This account belongs to the profile of ${name} already.`,
    missingAccount: html`Please write the account as in the registration request, e.g. <code>zalobot:6ede9afa66b88fe6d6a9</code>.`,
    approved: (name: HtmlPart, dept: HtmlPart) => html`✅ Registration approved: <b>${name}</b> — ${dept}.`,
    approvedNotice: (name: HtmlPart, dept: HtmlPart) =>
      html`✅ Your registration was approved: <b>${name}</b> — ${dept}. Send /help to see the commands.`,
    refused: (account: HtmlPart) =>
      html`The registration request of account <code>${account}</code> was turned down.`,
    refusedNotice: (reason: HtmlPart) =>
      html`Your registration request was not approved${reason ? html`: ${reason}` : ''}. If needed, please contact the Office.`,
  },

  /** Report files on a platform that cannot send files. */
  files: {
    sentElsewhere: (platform: HtmlPart) => html`📎 The report file was sent to you on ${platform}.`,
    cannotSend: (platform: HtmlPart) =>
      html`📎 ${platform} cannot send files. To receive report files, link your Telegram account with /lienket and send the command again, or ask the Office for the file.`,
    here: html`📎 The report file you asked for:`,
  },

  platformName: {
    telegram: 'Telegram',
    zalo: 'Zalo',
    zalobot: 'Zalo Bot',
    console: 'the console',
    web: 'the desk',
  },

  /** What the Zalo Bot Platform's own events get back. */
  zaloBot: {
    notACommand: html`The bot takes commands starting with /. Send /help to see them, /batdau to begin.`,
    unsupported: html`The bot cannot read this message (Zalo does not pass its content on). Please send a text command, e.g. /help.`,
    photoWithoutCommand: html`Photo received. To keep a photo as evidence, send it with a logging command as its caption, e.g. <code>/viectot Covered a sick colleague's night shift</code>.`,
    photoNotKept: html`⚠️ The evidence photo could not be fetched (too large, or no longer available); the entry is saved without it.`,
    numberExpired: html`This number matches no choice that is still open. Please send the command again.`,
    pickByNumber: (last: number) =>
      last === 1
        ? 'Answer 1 to choose it, or send a command.'
        : `Answer with a number (1–${last}) to choose, or send a command.`,
  },

  link: {
    issued: (code: HtmlPart, minutes: number) =>
      html`🔗 Link code: <code>${code}</code> (one use, within ${minutes} minutes). On the other platform (Telegram or Zalo), send: <code>/lienket ${code}</code>`,
    linked: (name: HtmlPart) =>
      html`🔗 Linked: this account and the profile of <b>${name}</b> are one; points add up.`,
    merged: (count: number) =>
      html`${count} earlier ${count === 1 ? 'entry was' : 'entries were'} merged into the profile.`,
    wrongCode: (code: HtmlPart) =>
      html`The code “${code}” is wrong. Get a new one with /lienket on the other platform.`,
    expiredCode: html`This code has expired or was used already. Get a new one with /lienket on the other platform.`,
    samePlatform: html`Send this code from the other platform (Telegram ↔ Zalo), not where you got it.`,
    alreadyLinked: (name: HtmlPart) => html`This account belongs to the profile of ${name} already.`,
    tooManyTries: html`Too many wrong codes. Please wait 10 minutes, then try again with a new code.`,
  },

  plan: {
    /** `day`: while the plan's year runs, up to when its figures are counted; absent, the whole year. */
    title: (title: HtmlPart, day?: string) =>
      html`📋 <b>${title}</b>\n${day ? `Progress as of ${day}` : 'The whole year'}`,
    targetLine: (state: 'done' | 'pending' | 'open', title: HtmlPart, bar: HtmlPart, value: HtmlPart) =>
      html`${{ done: '✅', pending: '⏳', open: '▫️' }[state]} ${title}\n   ${bar} ${value}`,
    targetTitle: (title: string, source: 'plan' | 'agency' | 'bot') =>
      source === 'plan'
        ? title
        : `${title} (${source === 'agency' ? "the Office's reference level" : "the bot's default"}, not a target of the plan)`,
    targetShortTitle: (title: string, source: 'plan' | 'agency' | 'bot') =>
      source === 'plan'
        ? title
        : `${title} (${source === 'agency' ? "the Office's reference level" : "the bot's default"})`,
    milestoneSource: { plan: '', agency: 'date set by the Office', bot: "the bot's default date" },
    legend: html`✅ reached (approved) · ⏳ reached if the entries awaiting review are approved · ▫️ not reached`,
    participation: (part: number, whole: number, pct: string) => `${part}/${whole} (${pct})`,
    count: (value: number, goal: number) => `${value}/${goal}`,
    pendingIncluded: (n: number) =>
      `, of which ${n} ${n === 1 ? 'rests' : 'rest'} on entries not yet reviewed`,
    pendingExcluded: (n: number) => `, ${n} more if the entries awaiting review are approved`,
    milestonesTitle: html`<b>Next milestones</b>`,
    milestoneLine: (date: HtmlPart, days: number, title: HtmlPart, source = '') =>
      html`• ${date} (${days === 0 ? 'today' : `in ${days} ${days === 1 ? 'day' : 'days'}`}${source ? `; ${source}` : ''}) — ${title}`,
    noMilestones: html`No milestones left this year.`,
    none: html`No emulation plan is configured.`,
    otherYear: (year: number, planYear: number) =>
      html`The bot follows the emulation plan of ${planYear}; it has no plan figures for ${year}.`,
    onlyYear: (words: HtmlPart, planYear: number) =>
      html`“${words}” is not understood: /kehoach gives the progress of the ${planYear} plan to date.`,
  },

  posts: {
    movedAverage: (department: HtmlPart, perMember: HtmlPart, now: number, before: number, since: HtmlPart) =>
      html`ℹ️ ${department}: ${perMember} points per member over ${now} (${since}: ${before}) because someone moved department; points earned before a move stay with the old department, so the average changed for the headcount, not for the results.`,
    weeklyTitle: (period: HtmlPart) => html`🏆 <b>This week's emulation honour board</b> — ${period}`,
    deedsTitle: html`<b>Good people, good deeds</b>`,
    deedLine: (name: HtmlPart, text: HtmlPart) => html`• ${name}: ${text}`,
    noDeeds: html`No good deed has been logged yet — share one with /viectot!`,
    moreDeeds: (n: number) => html`… and ${n} more good ${n === 1 ? 'deed' : 'deeds'}.`,
    activeDepartments: (active: number, all: number) =>
      active > 0
        ? html`${active} of ${all} departments have logged something this week; every department is welcome to keep taking part.`
        : html`Nothing has been logged this week yet; every department is welcome to take part.`,
    allDepartmentsActive: html`Every department has logged something this week. 👏`,
    leaders: (names: HtmlPart, more: number, points: HtmlPart) =>
      more > 0
        ? html`🎉 Congratulations to <b>${names}</b> and ${more} more, leading together with ${points}.`
        : html`🎉 Congratulations to <b>${names}</b>, leading with ${points}.`,
    improved: (department: HtmlPart, gain: HtmlPart, since: HtmlPart) =>
      html`📈 Most improved: <b>${department}</b>, up ${gain} points per member on ${since}.`,
    targetsTitle: (day?: string) => html`<b>Progress of the year's plan</b>${day ? ` (as of ${day})` : ''}`,
    targetShort: (title: HtmlPart, value: HtmlPart) => html`• ${title}: ${value}`,
    modelsTitle: html`<b>Model examples</b>`,
    modelLine: (no: number, subject: HtmlPart, stage: HtmlPart) => html`• No. ${no}: ${subject} — ${stage}`,
    monthlyTitle: (period: HtmlPart) => html`📰 <b>Emulation digest, ${period}</b>`,
    monthlyTop: html`<b>Top members of the month</b>`,
    reminder: (title: HtmlPart, date: HtmlPart, days: number) =>
      days > 0
        ? html`📌 <b>Plan reminder</b>: ${title} — on ${date} (in ${days} ${days === 1 ? 'day' : 'days'}).`
        : html`📌 <b>Today, ${date}</b>: ${title}.`,
    reportReminder: (title: HtmlPart, date: HtmlPart) =>
      html`📌 For the Office: ${title} — on ${date}. Send <code>/tonghop quy file</code> (or the period to report) for the figures and a report draft.`,
    dossierAdmin: (
      title: HtmlPart,
      date: HtmlPart,
      days: number,
      decider: string | undefined,
      through: string | undefined,
    ) =>
      html`📮 For the Office: ${title} — ${days > 0 ? html`on ${date} (${days} days left)` : html`today, ${date}`}.${decider ? html` The dossier goes to ${decider}${through ? html` through ${through}` : ''}.` : ''} The province decides these titles and forms of commendation; the Ban proposes.`,
    dossierAward: (award: HtmlPart, names: readonly string[]) =>
      names.length
        ? html`• ${award}: the Council proposes ${names.join('; ')}`
        : html`• ${award}: nobody reached the share of agree votes`,
    dossierNoMeeting: (year: number) =>
      html`The Council has not closed its ${year} review meeting yet: see the lists with /danhsach; the secretary opens the meeting with /mohop.`,
    dossierDraft: html`The submission to the province, with its lists: /duthao totrinhtinh.`,
    nudge: (name: HtmlPart, days: number) =>
      html`Hello ${name}. You have logged nothing for ${days} days. Share your work with /hoanthanh, a good deed with /viectot, an initiative with /sangkien. (Stop reminders: /tatnhac)`,
    nudgesOff: html`Personal reminders are off. Turn them back on with /batnhac.`,
    nudgesOn: html`Personal reminders are on. Turn them off with /tatnhac.`,
    nudgesNeedPrivate: html`Personal reminders come in a private chat: write to the bot privately once to receive them.`,
    previewNote: html`<i>Preview — only you see this.</i>`,
    posted: html`Posted to the group.`,
    unknownPost: (name: HtmlPart) => html`Unknown post “${name}”.`,
    missingPost: html`Please name the post.`,
    postNames: {
      bangxephang: "the week's leaderboard",
      thang: 'the monthly digest',
      nhac: "today's plan reminders",
    },
    confirmPost: (name: HtmlPart) =>
      html`Post <b>${name}</b> to the whole group now? Every member of the group will receive it. (Preview: /xemtruoc)`,
    confirmPostButton: '📣 Post now',
    noReminders: html`No plan milestone to remind today.`,
    registrationMissing: (members: number, departments: number) =>
      html`${members} members and ${departments} departments have not registered an emulation title yet: please send <code>/dangkythidua</code>.`,
    allRegistered: html`Every member and department has registered an emulation title.`,
    registrationAdmin: (title: HtmlPart, date: HtmlPart, members: HtmlPart, departments: HtmlPart) =>
      html`📌 For the Office: ${title} — ${date}.\nMembers not registered: ${members}\nDepartments not registered: ${departments}\nDetails: <code>/tonghop</code>.`,
    nobody: 'none',
  },

  chart: {
    movedLabel: 'Note',
    movedText: (department: string, now: number, before: number, since: string) =>
      `${department}: ${now} members (${since}: ${before}) after a move; the average changed with the headcount`,
    weeklyTitle: (period: string) => `Emulation honour board, ${period}`,
    monthlyTitle: (period: string) => `Emulation digest, ${period}`,
    boardTitle: (period: string) => `Emulation leaderboard, ${period}`,
    progressTo: (day?: string) => (day ? `Progress as of ${day}` : 'The whole year'),
    departments: 'Leading departments',
    topMembers: 'Outstanding members',
    targets: "The year's plan so far",
    perMember: 'points per member',
    points: 'points',
    empty: 'Nothing logged in this period yet. Start with /viectot, /hoanthanh or /sangkien!',
    emptyPast: 'Nothing was logged in this period.',
    leaders: 'Congratulations',
    leadersText: (names: string, more: number, points: string) =>
      more > 0
        ? `${names} and ${more} more, leading together with ${points}`
        : `${names}, leading with ${points}`,
    improved: 'Most improved',
    improvedText: (department: string, gain: string, since: string) =>
      `${department}, up ${gain} points per member on ${since}`,
    newModels: 'New model examples',
    previous: {
      week: 'last week',
      month: 'last month',
      quarter: 'last quarter',
      half: 'the half-year before',
      year: 'last year',
    },
    failed: html`<i>The picture could not be drawn just now; the text above says it all.</i>`,
  },

  demo: {
    intro: (dir: string, reports: string) =>
      [
        'thidua-bot — local demo (neither TELEGRAM_BOT_TOKEN nor Zalo is configured).',
        `You are a demo member, an admin and a Council member, on a demo store in ${dir}.`,
        'Try: /help, /viectot Helped @lan fix the printer, /viectot @lan covered my shift, /bangxephang last week, /kehoach, /tonghop Q4 file. When the bot lists numbered choices, type the number to pick one. Quit: /exit, Ctrl+D or Ctrl+C.',
        `Report files and pictures are saved in ${reports}. The demo store is deleted on exit.`,
      ].join('\n'),
  },

  // ---- Year-end records (issue 20): ratings, discipline, awards, initiatives, decisions, import ----
  records: {
    help: {
      rating: {
        usage: '/xeploai [year] @person | department LEVEL [| reason]',
        description: 'Year-end rating of a person or a department (admins)',
      },
      discipline: {
        usage: '/kyluat @person | form | decision no. | decision date | period [| issuing body] [| note]',
        description: 'Put a discipline on the emulation record (admins)',
      },
      pastAward: {
        usage:
          '/khenthuong @person | department | year | title or form | decision no. | decision date | issuing body',
        description: 'Record an emulation title or commendation received (admins)',
      },
      initiative: {
        usage:
          '/congnhansk @person[, @person] | initiative | decision no. | decision date [| year] [| SK code]',
        description: "Record the initiative council's decision recognising an initiative (admins)",
      },
      decision: {
        usage:
          '/quyetdinh decision no. | date | signer | title or form | @person, department… [| year] [| body]',
        description: "Record a signed award decision in each person's and department's record (admins)",
      },
      correct: {
        usage: '/dinhchinh CODE | field: value | reason',
        description:
          'Correct or annul a record (discipline, initiative, award); the history is kept (admins)',
      },
      file: {
        usage: '/hoso [@person | department] [year]',
        description:
          'Emulation record: ratings, discipline, recognised initiatives, awards — with their history',
      },
      import: {
        usage: '/nhaphoso mau | /nhaphoso (caption of an .xlsx file)',
        description: 'The records workbook template; import a filled one (admins)',
      },
    },

    ratings: {
      htxsnv: 'Completed tasks excellently',
      httnv: 'Completed tasks well',
      htnv: 'Completed tasks',
      khtnv: 'Did not complete tasks',
    },
    ratingShort: { htxsnv: 'HTXSNV', httnv: 'HTTNV', htnv: 'HTNV', khtnv: 'KHTNV' },
    forms: {
      khientrach: 'Reprimand',
      canhcao: 'Warning',
      habacluong: 'Salary downgrade',
      giangchuc: 'Demotion',
      cachchuc: 'Removal from office',
      bainhiem: 'Dismissal (elected office)',
      buocthoiviec: 'Forced resignation',
      khaitru: 'Expulsion',
    },
    awardKinds: { title: 'emulation title', form: 'form of commendation' },
    department: (name: string) => `the department ${name}`,
    decision: (number: HtmlPart, day: HtmlPart, body: HtmlPart) =>
      html`Decision no. ${number} of ${day} by ${body}`,
    signedBy: (signer: HtmlPart) => html`, signed by ${signer}`,
    annulled: html` <i>(annulled)</i>`,

    problems: {
      unknownMember: (id: HtmlPart) => html`there is no member “${id}” on the bot`,
      decisionUsed: (number: HtmlPart, code: HtmlPart) =>
        html`decision number ${number} is already used by record ${code} (one decision number is one record in the year it was issued)`,
      unknownRecord: (code: HtmlPart) => html`there is no record ${code}`,
      annulledRecord: (code: HtmlPart) => html`record ${code} was annulled and cannot be corrected`,
      unknownInitiative: (code: HtmlPart) => html`there is no recognised initiative ${code}`,
      initiativeUsed: (code: HtmlPart, award: HtmlPart) =>
        html`initiative ${code} already backs award ${award} (an initiative backs one award)`,
      notAuthor: (code: HtmlPart, name: HtmlPart) => html`${name} is not an author of initiative ${code}`,
      initiativeForDepartment: (code: HtmlPart) =>
        html`initiative ${code} is a person's; it does not back a department's award`,
      badPeriod: (from: HtmlPart, until: HtmlPart) =>
        html`the period from ${from} to ${until} ends before it starts`,
      noRecipients: html`the decision names nobody`,
      recipientTwice: (name: HtmlPart) => html`${name} is in the list twice`,
    },
    refused: (what: HtmlPart) => html`Not recorded: ${what}. The records are unchanged.`,

    unknownSubject: (query: HtmlPart) =>
      html`No member or department “${query}”. Write @name, the full name as registered, or the department's name.`,
    badDay: (text: HtmlPart) => html`“${text}” is not a date: write day/month/year, e.g. 20/12/2026.`,
    futureDay: (text: HtmlPart, today: string) =>
      html`The decision's date “${text}” is after today (${today}): only decisions already issued go on record. Please check the day, month and year.`,
    badYear: (text: HtmlPart) => html`“${text}” is not a year: write four digits, e.g. 2025.`,
    missing: (what: HtmlPart) => html`Missing: ${what}.`,
    fields: {
      subject: 'person or department',
      form: 'form of discipline',
      number: 'decision number',
      day: 'decision date',
      period: 'period',
      year: 'year',
      name: 'title or form of commendation',
      initiative: "the initiative's name",
      signer: 'signer',
      recipients: 'the people and departments awarded',
      body: 'issuing body',
      reason: 'reason',
    },
    adminOnly: html`Only admins (the Office) record and correct emulation records.`,
    sentPrivately: html`🔒 Emulation records are personnel data: the answer went to you in private.`,

    rating: {
      unknown: (text: HtmlPart) =>
        html`There is no rating “${text}”. Ratings: HTXSNV (completed tasks excellently), HTTNV (well), HTNV (completed), KHTNV (did not complete).`,
      recorded: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`✅ Recorded the ${year} rating of ${name}: <b>${rating}</b>.`,
      corrected: (name: HtmlPart, year: number, from: HtmlPart, to: HtmlPart) =>
        html`✅ Corrected the ${year} rating of ${name}: ${from} → <b>${to}</b>. The earlier rating stays in the history.`,
      unchanged: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`${name} is already rated <b>${rating}</b> for ${year}; nothing changed.`,
      reasonNeeded: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`${name} is already rated ${rating} for ${year}. A correction needs a reason after a |, e.g. <code>/xeploai ${year} … HTTNV | as the Standing Committee concluded</code>.`,
      none: (name: HtmlPart, year: number) => html`${name} has no rating for ${year} yet.`,
      current: (name: HtmlPart, year: number, rating: HtmlPart) =>
        html`${year} rating of ${name}: <b>${rating}</b>.`,
      summaryTitle: (year: number) => html`<b>Year-end ratings ${year}</b>`,
      members: (rated: number, total: number) => html`People: ${rated}/${total} rated.`,
      departments: (rated: number, total: number) => html`Departments: ${rated}/${total} rated.`,
      count: (rating: HtmlPart, n: number) => html`• ${rating}: ${n}`,
      share: (excellent: number, good: number, percent: HtmlPart) =>
        html`Rated excellent among those rated well or better: ${excellent}/${good} (${percent}).`,
      notRated: (names: HtmlPart) => html`Not rated yet: ${names}.`,
      overCap: (who: HtmlPart, excellent: number, good: number, percent: HtmlPart) =>
        html`⚠️ ${who}: ${excellent}/${good} (${percent}) rated excellent among those rated well or better — above the 20% of Regulation 366-QĐ/TW (25% in exceptional cases). Recorded all the same; the Office should review it.`,
      overExceptional: (who: HtmlPart, excellent: number, good: number, percent: HtmlPart) =>
        html`⚠️ ${who}: ${excellent}/${good} (${percent}) rated excellent among those rated well or better — above even the exceptional 25% (Regulation 366-QĐ/TW). Recorded all the same; the Office should review it.`,
      membersWho: 'People',
      departmentsWho: 'Departments',
      soFar: (rated: number, total: number) =>
        html`<i>(${rated}/${total} rated so far; the share is of those rated)</i>`,
    },

    discipline: {
      unknownForm: (text: HtmlPart) =>
        html`There is no form of discipline “${text}”. Forms: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, bãi nhiệm, buộc thôi việc, khai trừ.`,
      badPeriod: (text: HtmlPart) =>
        html`“${text}” is not a period: write months (<code>12 tháng</code>, from the decision's date) or <code>từ 01/03/2026 đến 28/02/2027</code>.`,
      recorded: (
        code: HtmlPart,
        form: HtmlPart,
        name: HtmlPart,
        decision: HtmlPart,
        from: HtmlPart,
        until: HtmlPart,
      ) =>
        html`✅ Put on record as <code>${code}</code>: <b>${form}</b> — ${name}; ${decision}; in effect from ${from} to ${until}.`,
      listTitle: (year: number) => html`<b>Discipline in effect during ${year}</b>`,
      none: (year: number) => html`No discipline in effect during ${year}.`,
      line: (
        code: HtmlPart,
        form: HtmlPart,
        name: HtmlPart,
        from: HtmlPart,
        until: HtmlPart,
        number: HtmlPart,
      ) => html`• <code>${code}</code> ${form} — ${name}, ${from} to ${until} (decision ${number})`,
    },

    award: {
      recorded: (code: HtmlPart, name: HtmlPart, year: number, who: HtmlPart, decision: HtmlPart) =>
        html`✅ Put on record as <code>${code}</code>: <b>${name}</b> ${year} — ${who}; ${decision}.`,
      joined: (code: HtmlPart, who: HtmlPart) =>
        html`✅ Added ${who} to the decision already on record as <code>${code}</code>.`,
      already: (who: HtmlPart, code: HtmlPart) =>
        html`${who} is already in decision <code>${code}</code>; nothing changed.`,
      listTitle: (name: HtmlPart) => html`<b>Awards of ${name}</b>`,
      none: (name: HtmlPart) => html`${name} has no award on record.`,
      line: (code: HtmlPart, year: number, name: HtmlPart, number: HtmlPart, day: HtmlPart, body: HtmlPart) =>
        html`• <code>${code}</code> ${year}: ${name} — decision ${number} of ${day}, ${body}`,
    },

    decisions: {
      recorded: (
        code: HtmlPart,
        number: HtmlPart,
        day: HtmlPart,
        signer: HtmlPart,
        name: HtmlPart,
        year: number,
        count: number,
      ) =>
        html`✅ Recorded decision no. ${number} of ${day} (signed by ${signer}): <b>${name}</b> ${year} for ${count} people and departments. Record <code>${code}</code>. The award is now in each one's record.`,
      issuedBy: (body: HtmlPart, upward: boolean) =>
        upward
          ? html`Issued by: ${body} — the province decides this title or form, on the Ban's proposal.`
          : html`Issued by: ${body}.`,
      recipient: (name: HtmlPart, initiative: HtmlPart) =>
        initiative ? html`• ${name} (initiative ${initiative})` : html`• ${name}`,
      listTitle: (year: number) => html`<b>Award decisions recorded for ${year}</b>`,
      none: (year: number) => html`No award decision recorded for ${year} yet.`,
      line: (code: HtmlPart, name: HtmlPart, number: HtmlPart, day: HtmlPart, count: number) =>
        html`• <code>${code}</code> ${name} — decision ${number} of ${day}: ${count} people and departments`,
      badInitiative: (text: HtmlPart) =>
        html`“${text}”: name the initiative backing an award by its record code in brackets after the name, e.g. <code>@lan (CN2)</code>.`,
    },

    initiative: {
      recorded: (code: HtmlPart, name: HtmlPart, authors: HtmlPart, year: number, decision: HtmlPart) =>
        html`✅ Put on record as <code>${code}</code>: the initiative “${name}” by ${authors}, ${year}; ${decision}. When it backs an award, write <code>(${code})</code> after the person's name in /quyetdinh.`,
      unknownEntry: (code: HtmlPart) =>
        html`There is no initiative ${code} (logged with /sangkien) by the authors named.`,
      listTitle: (year: number) => html`<b>Initiatives recognised for ${year}</b>`,
      none: (year: number) => html`No initiative recognised for ${year} on record.`,
      line: (code: HtmlPart, name: HtmlPart, authors: HtmlPart, number: HtmlPart, used: HtmlPart) =>
        used
          ? html`• <code>${code}</code> “${name}” — ${authors} (decision ${number}); backs ${used}`
          : html`• <code>${code}</code> “${name}” — ${authors} (decision ${number}); not yet used for an award`,
    },

    correct: {
      unknownField: (field: HtmlPart, fields: HtmlPart) =>
        html`There is no field “${field}” to correct. Fields: ${fields}.`,
      fieldsOf: {
        discipline: 'hinhthuc, so, ngay, coquan, nguoiky, tu, den, ghichu',
        initiative: 'ten, nam, so, ngay, coquan, nguoiky, ma',
        award: 'ten, nam, so, ngay, coquan, nguoiky, them (@person), bo (@person)',
      },
      nothing: html`No field to correct. Write <code>field: value</code>, or <code>huy</code> to annul the record.`,
      reasonNeeded: html`A correction or annulment needs a reason at the end, after a |.`,
      codeNeeded: html`Give the record's code right after the command: KL (discipline), CN (recognised initiative), KT (award), e.g. /dinhchinh KT3; see the codes with /hoso.`,
      unknownCode: (code: HtmlPart) =>
        html`There is no record “${code}”. Record codes: KL (discipline), CN (recognised initiative), KT (award), e.g. KT3; see /hoso.`,
      done: (code: HtmlPart) =>
        html`✅ Corrected record <code>${code}</code>. What it said before stays in the history.`,
      annulled: (code: HtmlPart) =>
        html`✅ Annulled record <code>${code}</code>: it is kept, marked annulled, and no longer counts.`,
      show: (code: HtmlPart) => html`<b>Record ${code}</b>`,
      howTo: (fields: HtmlPart) =>
        html`Correct: <code>/dinhchinh CODE | field: value | reason</code> (fields: ${fields}); annul: <code>/dinhchinh CODE huy | reason</code>.`,
    },

    file: {
      title: (name: HtmlPart) => html`<b>Emulation record — ${name}</b>`,
      ratings: 'Year-end ratings',
      disciplines: 'Discipline',
      initiatives: 'Recognised initiatives',
      awards: 'Awards',
      nothing: html`<i>none</i>`,
      ratingLine: (year: number, rating: HtmlPart) => html`• ${year}: ${rating}`,
      disciplineLine: (code: HtmlPart, form: HtmlPart, from: HtmlPart, until: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${form}, ${from} to ${until} — ${decision}`,
      initiativeLine: (code: HtmlPart, year: number, name: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${year}: “${name}” — ${decision}`,
      awardLine: (code: HtmlPart, year: number, name: HtmlPart, decision: HtmlPart) =>
        html`• <code>${code}</code> ${year}: ${name} — ${decision}`,
      historyLine: (time: HtmlPart, action: HtmlPart, by: HtmlPart, platform: HtmlPart, note: HtmlPart) =>
        note
          ? html`   ↳ ${time}: ${action} — ${by} (${platform}): ${note}`
          : html`   ↳ ${time}: ${action} — ${by} (${platform})`,
      othersRestricted: html`Other people's emulation records are for admins and the Emulation and Commendation Council.`,
    },

    import: {
      template: html`The records workbook template: one sheet per kind of record (ratings, discipline, recognised initiatives, awards), column titles on the first row, an example row and a sheet of instructions. Send it back filled in with the caption <code>/nhaphoso</code>.`,
      templateName: (year: number) => `mau-ho-so-thi-dua-${year}.xlsx`,
      noFile: html`Send the filled Excel file (.xlsx) with the caption <code>/nhaphoso</code>, or <code>/nhaphoso mau</code> for the template.`,
      noFileZalo: html`On Zalo the bot does not take files with a command yet. Please send the filled Excel file with the caption <code>/nhaphoso</code> to the bot on Telegram.`,
      noFileConsole: html`Write the Excel file's path after the command, e.g. <code>/nhaphoso ho-so.xlsx</code>, or <code>/nhaphoso mau</code> for the template.`,
      notXlsx: (name: HtmlPart) =>
        html`“${name}” is not an Excel .xlsx file. Please send a file made from the template (<code>/nhaphoso mau</code>).`,
      tooBig: (name: HtmlPart, mb: number) =>
        html`“${name}” is larger than ${mb} MB; a records file made from the template is a few dozen KB.`,
      unreadable: (name: HtmlPart) =>
        html`Could not read “${name}” (damaged, or not .xlsx). Nothing changed.`,
      cannotFetch: html`Could not fetch the file from the platform just now. Nothing changed; please send it again in a few minutes.`,
      noSheets: html`The file has none of the template's sheets (Xếp loại, Kỷ luật, Sáng kiến, Khen thưởng). Please use the template: <code>/nhaphoso mau</code>.`,
      empty: html`The file follows the template but no row is filled in. Nothing changed.`,
      refusedTitle: (refused: number, rows: number) =>
        html`<b>Not imported: ${refused}/${rows} rows are not valid.</b> The records are unchanged; correct the rows below and send the whole file again.`,
      rowProblem: (sheet: HtmlPart, row: number, problem: HtmlPart) =>
        html`• ${sheet}, row ${row}: ${problem}`,
      more: (n: number) => html`… and ${n} more rows.`,
      done: (rows: number) => html`✅ Imported ${rows} rows into the emulation records.`,
      doneLine: (sheet: HtmlPart, changed: number, unchanged: number) =>
        unchanged
          ? html`• ${sheet}: ${changed} records new or corrected, ${unchanged} already there, unchanged`
          : html`• ${sheet}: ${changed} records new or corrected`,
      nothingNew: (rows: number) => html`All ${rows} rows are already on record; nothing changed.`,
      blank: (column: HtmlPart) => html`the column “${column}” is empty`,
      unknownPerson: (name: HtmlPart) =>
        html`no member or department “${name}” on the bot (write the full name as registered, or the member id)`,
      ambiguousPerson: (name: HtmlPart) =>
        html`several members are called “${name}”: write the member id (m12) instead`,
      unknownRating: (text: HtmlPart) => html`there is no rating “${text}” (HTXSNV, HTTNV, HTNV, KHTNV)`,
      unknownForm: (text: HtmlPart) => html`there is no form of discipline “${text}”`,
      badDay: (text: HtmlPart) => html`“${text}” is not a date (day/month/year)`,
      futureDay: (text: HtmlPart) => html`the decision's date “${text}” is after today (not issued yet?)`,
      badYear: (text: HtmlPart) => html`“${text}” is not a year`,
      badKind: (text: HtmlPart) => html`“${text}” is not a kind (write “danh hiệu” or “hình thức”)`,
      twice: (other: number) => html`the same as row ${other}`,
      ratingChanged: (from: HtmlPart) =>
        html`changing a rating on record (${from}) needs a reason in the column “Lý do đính chính”`,
      authorCell: 'Authors (full names, separated by commas)',
    },
  },

  setup: {
    groupId: (id: string, title: string) =>
      html`The id of the group “${title}”: <code>${id}</code>\nFor the bot to serve this group, whoever installs it writes <code>TELEGRAM_GROUP_ID=${id}</code> in the <code>.env</code> file and restarts the bot. Until then the bot takes no other command.`,
    userId: (id: string) =>
      html`Your Telegram user id: <code>${id}</code>\nThe bot is waiting to be set up and takes no commands yet. Admins (the Office, the leadership) give this id to whoever installs the bot, for <code>TELEGRAM_ADMIN_IDS</code>; Council members: <code>TELEGRAM_COUNCIL_IDS</code>.`,
  },

  cancel: 'Cancel',
  cancelled: html`Cancelled; nothing was changed.`,
  chosen: (command: string) => `→ ${command}`,
  unknownDepartmentName: (id: string) => `(department “${id}” is no longer configured)`,
  // ---- year-end review: lists, the Council's meeting, votes, drafts (issue 20, h20b) ----
  council: {
    helpGroup: {
      titles: {
        hoso: html`<b>Year-end records: ratings, discipline, awards, initiatives, decisions</b>`,
        binhxet: html`<b>Year-end review: lists, the Council meeting, votes, drafts</b>`,
      },
      lines: {
        hoso: (count: number) =>
          html`<code>/trogiup hoso</code> — ${count} year-end record commands (Office)`,
        binhxet: (count: number) =>
          html`<code>/trogiup binhxet</code> — ${count} year-end review commands (Council, Office)`,
      },
    },
    help: {
      danhsach: {
        usage: '/danhsach [title] [file]',
        description: "The year's nomination lists, by title or form of commendation (Council, admins)",
      },
      dexuat: {
        usage: '/dexuat title @person | department | reason',
        description: 'Adds a name to a nomination list, with the reason (admins)',
      },
      bodexuat: {
        usage: '/bodexuat title @person | department | reason',
        description: 'Takes a name off a nomination list, with the reason (admins)',
      },
      mohop: {
        usage: '/mohop time date | place | absent: name (reason), …',
        description: "The secretary opens the Emulation and Commendation Council's year-end meeting",
      },
      diemdanh: {
        usage: '/diemdanh [full name absent | present] [| reason]',
        description: 'Who is present and absent at the Council meeting',
      },
      hop: {
        usage: '/hop [tieuchuan | number]',
        description: 'The Council meeting: the standards, each case on the lists, where the votes stand',
      },
      mophieu: {
        usage: '/mophieu title [giotay | giay | dientu]',
        description:
          'Opens a vote on a list: show of hands, paper secret ballot, electronic secret ballot (secretary)',
      },
      kiemphieu: {
        usage: '/kiemphieu vote_no phat 9 thu 9 hople 9 | 1: 8 | 2: 7',
        description: 'Enters a show of hands (secretary) or the count of a paper ballot (counting committee)',
      },
      phieuvang: {
        usage: '/phieuvang vote_no name | dkd',
        description: "Records an absent member's written vote (d: agree, k: disagree)",
      },
      bophieu: {
        usage: '/bophieu [vote_no]',
        description: 'Electronic secret ballot, in a private chat (Council members present)',
      },
      dongphieu: {
        usage: '/dongphieu vote_no [huy reason]',
        description: 'Closes a vote and announces its result (secretary)',
      },
      donghop: {
        usage: "/donghop [the Council's conclusion]",
        description: 'Closes the Council meeting with its conclusion (secretary)',
      },
      duthao: {
        usage:
          '/duthao [bienban | kiemphieu | phieubau no | totrinh | totrinhtinh | quyetdinh | giaykhen | danhsach]',
        description:
          'Drafts of the minutes, submissions, decision and certificates in the Party document format (Word)',
      },
      dotxuat: {
        usage: '/dotxuat [CODE reason | CODE bo reason]',
        description:
          'The Council proposes an exceptional award for an entry; the bot drafts the submission and a short report',
      },
      chuyende: {
        usage: '/chuyende [drive] [CODE … | reason | file]',
        description: "Thematic awards: those whose entries are tagged to one of the plan's drives",
      },
    },
    notConfigured: html`The Emulation and Commendation Council is not configured (file <code>COUNCIL_FILE</code>, by default <code>config/council-2026.json</code>).`,
    operatorsOnly: html`The meeting is run by the Council's secretary, its chair or the standing member, or an admin (the Office).`,
    countingOnly: html`Ballot counts are entered by the counting committee, the Council's secretary or an admin.`,
    unknownAward: (text: string) =>
      text
        ? html`Unknown title or form of commendation “${text}”.`
        : html`No title or form of commendation given.`,
    awardsAre: (list: string) => html`Titles and forms: ${list}.`,
    unknownSubject: (text: string) =>
      html`No member or department “${text}”. Write @name, the full name as registered, or the department's name.`,
    reasonRequired: html`Please give a reason: every change is kept in the history.`,
    numbered: (i: number, name: string) => html`${i}. ${name}`,
    decidedBy: {
      ban: 'decided by the Head of the Committee',
      province: "proposed to the Province's People's Committee Chair",
    },
    voteKinds: { secret: 'secret ballot', hands: 'show of hands' },
    methods: { hands: 'show of hands', paper: 'paper secret ballot', electronic: 'electronic secret ballot' },
    origins: {
      registration: 'registration',
      added: 'added',
      exceptional: 'exceptional',
      drive: 'thematic drive',
    },
    roundStatus: { open: 'is open', closed: 'is closed', void: 'was declared void' },
    countWhat: {
      issued: 'Ballots issued',
      returned: 'Ballots returned',
      valid: 'Valid ballots',
      candidate: "One candidate's votes",
    },
    roles: {
      chair: 'Chair of the Council',
      viceChair: 'Vice-chair of the Council',
      standing: 'Standing member',
      secretary: 'Secretary of the Council',
      member: 'Member',
    },
    refusals: {
      nothingChanged: html`<i>Nothing was changed.</i>`,
      meetingOpen: (no: number) =>
        html`Meeting no. ${no} is open; close it (/donghop) before opening another.`,
      noMeeting: (year: number) =>
        html`No Council meeting for the ${year} review is open. The secretary opens one with /mohop.`,
      meetingClosed: (no: number) => html`Meeting no. ${no} is closed.`,
      roundOpenStill: (no: number) =>
        html`Vote no. ${no} is still open: close it with <code>/dongphieu ${no}</code> (or void it with a reason) before closing the meeting.`,
      unknownRound: (text: string) => html`There is no vote number “${text}”.`,
      noOpenRound: html`No vote is open.`,
      roundNotOpen: (no: number, status: string) => html`Vote no. ${no} ${status}.`,
      secretAward: (award: string) =>
        html`${award} is voted by secret ballot (the Council's setting): choose <code>giay</code> or <code>dientu</code>.`,
      emptyList: (award: string) => html`The ${award} nomination list has no name yet.`,
      roundOpenFor: (no: number, award: string) => html`Vote no. ${no} (${award}) is open.`,
      noElectronicVoters: html`No member present has an account listed in the Council file to vote electronically; use paper (<code>giay</code>).`,
      notElectronic: (no: number) => html`Vote no. ${no} is not an electronic ballot.`,
      electronicCounts: (no: number) => html`Vote no. ${no} is electronic: the bot counts it when it closes.`,
      countsMismatch: (expected: number, given: number) =>
        html`The list has ${expected} names but ${given} results were given.`,
      countTooLarge: (what: string, given: number, max: number) =>
        html`${what} (${given}) is more than possible (${max}).`,
      noCounts: (no: number) =>
        html`Vote no. ${no} has no counts yet: enter them with <code>/kiemphieu ${no} …</code> first.`,
      notAbsent: (name: string) => html`${name} is present at the meeting and sends no written vote.`,
      writtenTwice: (name: string) => html`${name}'s written vote is recorded in this vote already.`,
      choicesMismatch: (expected: number, given: number) =>
        html`The ballot needs ${expected} choices (one per name) but has ${given}.`,
      notVoter: html`You are not on the Council's roster.`,
      absentVoter: html`You are absent from this meeting, so you do not vote electronically; send a written opinion to the Council's secretary.`,
      votedAlready: (no: number) => html`You have voted in vote no. ${no}; each member casts one ballot.`,
      keyMissing: (no: number) =>
        html`The electronic ballot box of vote no. ${no} cannot be opened: its key is no longer on this server (a new server?). Void it with <code>/dongphieu ${no} huy reason</code> and vote again.`,
      attendanceSame: html`The member is marked so already.`,
    },
    lists: {
      title: (year: number) => html`📋 <b>Nomination lists for ${year}</b>`,
      awardLine: (name: string, short: string, n: number, decided: string, vote: string) =>
        html`• ${name} (${short}): <b>${n}</b> — ${decided}; ${vote}`,
      open: (short: string, n: number) => `${short} (${n})`,
      howToChange: html`Add: <code>/dexuat title @person | reason</code>; take off: <code>/bodexuat title @person | reason</code> (admins).`,
      fromRegistrations: html`<i>Lists drafted from the title registrations and the changes made with reasons; the bot decides no title.</i>`,
      wordButton: 'List (Word)',
      awardTitle: (name: string, year: number, n: number) => html`📋 <b>${name} ${year}</b>: ${n} cases`,
      awardRule: (decided: string, authority: string, vote: string) =>
        html`<i>${decided} (${authority}); ${vote}.</i>`,
      empty: html`No name yet.`,
      candidate: (i: number, name: string, dept: string, origin: string) =>
        html`<b>${i}. ${name}</b> — ${dept} (${origin})`,
      approved: (total: number, task: number, initiative: number, deed: number) =>
        total === 0
          ? html`   No approved entry this year.`
          : html`   ${total} approved entries: ${task} tasks, ${initiative} initiatives, ${deed} good deeds`,
      open_: (text: string) => html`   Not seen in the records: ${text}`,
      note: (text: string) => html`   Note: ${text}`,
      nameWho: html`Name a member (@name, full name) or a department after the title.`,
      wrongSubject: (award: string, name: string) => html`${award} is not for ${name}.`,
      listedAlready: (name: string, award: string) => html`${name} is on the ${award} list already.`,
      added: (name: string, award: string, year: number, reason: string) =>
        html`✅ Added <b>${name}</b> to the ${award} list for ${year}. Reason: ${reason}`,
      notListed: (name: string, award: string) => html`${name} is not on the ${award} list.`,
      removed: (name: string, award: string, year: number, reason: string) =>
        html`✅ Took <b>${name}</b> off the ${award} list for ${year}. Reason: ${reason}. The title registration, if any, stays.`,
    },
    meeting: {
      askWhenWhere: (name: string) =>
        html`Give the time and place, e.g. <code>/mohop 14:00 10/12/2026 | Meeting room, 2nd floor | absent: ${name} (on a mission)</code>.`,
      badWhen: (text: string) =>
        html`Cannot read the time “${text}”: write it like <code>14:00 10/12/2026</code>.`,
      notYet: (at: string) =>
        html`The opening time ${at} is still ahead: a meeting is opened in the bot when it begins (at most an hour early), so that its attendance and votes are recorded when they happen. Nothing was recorded.`,
      askPlace: html`Give the place after a |.`,
      unknownMembers: (text: string) => html`Not on the Council's roster: ${text}.`,
      rosterIs: (list: string) => html`Council members: ${list}.`,
      opened: (no: number, year: number, when: string, place: string) =>
        html`✅ The Council's meeting for the ${year} review is open (meeting no. ${no}): ${when}, at ${place}.`,
      chairSecretary: (chair: string, secretary: string) => html`Chair: ${chair}. Secretary: ${secretary}.`,
      attendance: (present: number, total: number) => html`<b>${present}/${total}</b> members present.`,
      absentLine: (name: string, reason?: string) =>
        html`• Absent: ${name}${reason ? html` (${reason})` : ''}`,
      presentLine: (name: string, role: string) => html`• Present: ${name} — ${role}`,
      noQuorum: (present: number, total: number, needed: number) =>
        html`⚠️ ${present}/${total} present, fewer than the ${needed} members the Council's setting asks. The meeting is recorded; the Council judges whether it is valid.`,
      lists: (text: string) => html`Nomination lists: ${text}.`,
      noLists: 'none yet',
      next: html`Next: explain the standards (/hop tieuchuan), go through each case (/hop 1), vote (/mophieu title).`,
      attendanceButton: 'Attendance',
      sayWhich: (name: string) =>
        html`Write <code>absent</code> or <code>present</code> after the full name, e.g. <code>/diemdanh ${name} absent | on a mission</code>.`,
      markedPresent: (name: string) => html`✅ ${name} marked present.`,
      markedAbsent: (name: string, reason?: string) =>
        html`✅ ${name} marked absent${reason ? html` (${reason})` : ''}.`,
      attendanceTitle: (no: number) => html`🗒 <b>Attendance, meeting no. ${no}</b>`,
      markPresentButton: (name: string) => `Present: ${name}`,
      markAbsentButton: (name: string) => `Absent: ${name}`,
      reasonHint: html`Reason for an absence: <code>/diemdanh full name absent | reason</code>.`,
      absentWord: 'absent',
      presentWord: 'present',
      closed: (no: number, year: number) =>
        html`✅ The Council's meeting for the ${year} review is closed (meeting no. ${no}).`,
      carried: (award: string, names: string, upward: boolean) =>
        names
          ? html`• ${award}: ${names}${upward ? html` <i>(proposed to the province)</i>` : ''}`
          : html`• ${award}: no case reached the share the settings ask`,
      noVotes: html`No vote was closed at this meeting.`,
      draftsNext: html`Results that reach the share the settings ask are the basis of the Council's conclusion; the documents below are drafts to check and sign.`,
    },
    walk: {
      standardsButton: 'Standards',
      startButton: 'Case by case',
      overviewButton: 'Meeting status',
      which: html`Give the case's number, e.g. <code>/hop 3</code>, or <code>/hop tieuchuan</code>.`,
      openTitle: (no: number, year: number, present: number, total: number) =>
        html`🏛 <b>Meeting no. ${no} — ${year} review</b> (${present}/${total} present)`,
      noMeetingTitle: (year: number) => html`🏛 <b>${year} review</b> — no meeting open (/mohop)`,
      awardState: (name: string, n: number, state: HtmlPart) => html`• ${name}: ${n} cases — ${state}`,
      voting: (no: number, method: string, cast: number, voters: number) =>
        html`voting (vote ${no}, ${method}${voters ? html`, ${cast}/${voters} voted` : ''})`,
      voted: (no: number) => html`voted (vote ${no})`,
      notVoted: 'not voted yet',
      voteButton: (short: string) => `Vote ${short}`,
      closeButton: 'Close the meeting',
      standardsTitle: (year: number) => html`📖 <b>Standards for the ${year} awards</b>`,
      standardsAward: (name: string, decided: string, authority: string) =>
        html`<b>${name}</b> — ${decided} (${authority})`,
      criterion: (text: string, source: string, toVerify: boolean) =>
        html`• ${text} <i>(${source}${toVerify ? '; to verify' : ''})</i>`,
      includes: (title: string) => html`• Meets the standard of “${title}”`,
      noCriteria: html`• <i>Standards per the province's and the agency's rules (not in the titles file).</i>`,
      voteRule: (vote: string, strict: boolean, percent: number, source: string, toVerify: boolean) =>
        html`• By ${vote}; agree ${strict ? 'more than' : 'at least'} ${num(percent)}% of all Council members <i>(${source}${toVerify ? '; to verify' : ''})</i>`,
      noCase: (n: number, total: number) => html`There is no case no. ${n}; the lists hold ${total} cases.`,
      noCases: (year: number) =>
        html`The nomination lists of ${year} hold no case yet: they are drawn from the emulation registrations (<code>/dangkythidua</code>) and additions with a reason (<code>/dexuat</code>, administrators); see <code>/danhsach</code>.`,
      caseTitle: (n: number, total: number, award: string, index: number, of: number) =>
        html`🔎 <b>Case ${n}/${total}</b> — ${award} (${index}/${of})`,
      who: (name: string, dept: string) => html`<b>${name}</b> — ${dept}`,
      registered: (title: string) => html`Registered for: ${title}`,
      notRegistered: html`Not registered for a title`,
      rating: (rating: string) => html`Year-end rating: ${rating}`,
      noRating: html`Year-end rating: not recorded yet (/xeploai)`,
      adhoc: (n: number) => html`   of which ${n} unplanned tasks`,
      it: (n: number) => html`   of which ${n} IT-application models`,
      members: (withApproved: number, total: number) =>
        html`   ${withApproved}/${total} of its members have approved entries`,
      exceptional: (codes: string) => html`Exceptional achievements: ${codes}`,
      noOpen: html`Every criterion the bot measures has its facts; the Council confirms the rest.`,
      origin: (origin: string) => html`<i>On the list from: ${origin}</i>`,
      previous: '◀ Previous',
      next: 'Next ▶',
    },
    vote: {
      opened: (no: number, award: string, method: string) =>
        html`🗳 <b>Vote no. ${no}: ${award}</b> — ${method}`,
      threshold: (strict: boolean, percent: number, rosterSize: number) =>
        html`Share the settings ask: agree ${strict ? 'more than' : 'at least'} ${num(percent)}% of the Council's ${rosterSize} members.`,
      howHands: (no: number) =>
        html`The secretary enters each name's hands for/against, in order: <code>/kiemphieu ${no} 1: 7/1, 2: 8/0</code>.`,
      howPaper: (no: number, voters: number) =>
        html`Print the ballots (${voters} members present). The counting committee enters: <code>/kiemphieu ${no} phat ${voters} thu ${voters} hople ${voters} | 1: 8 | 2: 7</code> (each name's agree votes).`,
      howElectronic: (voters: number) =>
        html`The bot sent the ballot to the ${voters} members present in private (/bophieu). Each member votes once; nothing keeps who chose what.`,
      ballotPaperButton: 'Ballot papers (Word)',
      closeButton: (no: number) => `Close vote ${no}`,
      invitation: (no: number, award: string, names: string) =>
        html`🗳 <b>Electronic ballot — vote ${no}: ${award}</b>\nList: ${names}.\nVote in this private chat; the ballot is sealed and nobody can tell what you chose.`,
      voteButton: 'Vote',
      whichRound: html`Give the vote's number.`,
      badCounts: (n: number) =>
        html`Cannot read the counts: ${n} numbers are needed (one per name, in order), e.g. <code>1: 8, 2: 7</code>; for paper add <code>phat 9 thu 9 hople 8</code>.`,
      counted: (no: number) => html`✅ Counts of vote ${no} recorded (provisional, the vote is still open):`,
      closeHint: (no: number) => html`Check, then close the vote: <code>/dongphieu ${no}</code>.`,
      ballots: (issued: number, returned: number, valid: number) =>
        html`Ballots issued ${issued}, returned ${returned}, valid ${valid}.`,
      writtenCount: (n: number) => html`Written votes of absent members: ${n}.`,
      resultLine: (
        i: number,
        name: string,
        agree: number,
        disagree: number,
        writtenAgree: number,
        total: number,
        roster: number,
        share: number,
        meets: boolean,
      ) =>
        html`${i}. ${name}: agree ${agree}${writtenAgree ? html` (+${writtenAgree} in writing)` : ''}, disagree ${disagree} — <b>${total}/${roster}</b> (${num(share)}%) ${meets ? '✅ reaches the share' : '— below the share'}`,
      thresholdNote: (strict: boolean, percent: number, toVerify: boolean) =>
        html`<i>Shares are of all the Council's members; ${strict ? 'more than' : 'at least'} ${num(percent)}% is the agency's setting${toVerify ? ', to verify against the province’s rule' : ''}.</i>`,
      badChoices: (n: number) =>
        html`Give ${n} choices in the list's order: d (agree) or k (disagree), e.g. <code>dkd</code>.`,
      writtenRecorded: (name: string, no: number) => html`✅ ${name}'s written vote recorded in vote ${no}.`,
      voided: (no: number, reason: string) => html`✅ Vote no. ${no} declared void. Reason: ${reason}`,
      closed: (no: number, award: string, method: string) =>
        html`🗳 <b>Result of vote ${no}: ${award}</b> (${method})`,
      electronicCounted: (cast: number, voters: number) =>
        html`${cast}/${voters} members present voted; the ballot box was opened and the vote's key destroyed.`,
      councilConcludes: html`The result is the basis of the Council's discussion and conclusion; the bot decides no title.`,
    },
    ballot: {
      notInGroup: html`Vote by secret ballot in your private chat with the bot, not in the group.`,
      notInGroupTyped: html`⚠️ The ballot was not recorded: secret ballots are cast only in a private chat with the bot. A choice sent in the group is no longer secret.`,
      notOnRoster: html`You are not on the Council's roster (the Council file), so you do not vote.`,
      badChoices: html`Write the choices as d (agree) or k (disagree), in the list's order.`,
      cast: (no: number) =>
        html`✅ Your ballot in vote ${no} is sealed and in the electronic ballot box. The record keeps that you voted, not what you chose.`,
      nothingOpen: html`No ballot is waiting for you.`,
      several: (n: number) => html`${n} votes are waiting for your ballot:`,
      roundButton: (no: number, award: string) => `Vote ${no}: ${award}`,
      chosenLine: (i: number, name: string, agree: boolean) =>
        html`${i}. ${name}: ${agree ? '✅ agree' : '✖ disagree'}`,
      agree: '✅ Agree',
      disagree: '✖ Disagree',
      restart: 'Start again',
      title: (no: number, award: string) => html`🗳 <b>Ballot — vote ${no}: ${award}</b>`,
      ask: (i: number, n: number, name: string) => html`Name ${i}/${n}: <b>${name}</b>`,
      privacy: html`<i>Nothing is recorded until you send it; nothing keeps who chose what.</i>`,
      check: html`Check the ballot, then press Send.`,
      send: 'Send the ballot',
    },
    drafts: {
      sent: (name: string) => html`📄 ${name}`,
      note: html`<i>A draft to check, complete where marked [Cần bổ sung], and submit for signature; the bot decides no award.</i>`,
      kinds: {
        bienban: 'Minutes of the Council meeting',
        kiemphieu: 'Counting minutes',
        phieubau: 'Ballot papers',
        totrinh: 'Submission to the Head',
        totrinhtinh: 'Submission to the province',
        quyetdinh: 'Draft decision',
        giaykhen: 'Certificates of merit',
        danhsach: 'Nomination lists',
      },
      unknown: (text: string) => html`Unknown document “${text}”.`,
      kindsList: html`Documents: <code>bienban</code>, <code>kiemphieu</code>, <code>phieubau vote_no</code>, <code>totrinh</code>, <code>totrinhtinh</code>, <code>quyetdinh</code>, <code>giaykhen</code>, <code>danhsach</code>.`,
      noPaperRound: html`No paper ballot is open; give the vote's number: <code>/duthao phieubau 3</code>.`,
      noMeeting: (year: number) => html`There is no Council meeting for the ${year} review yet.`,
      meetingNotClosed: (no: number) =>
        html`Meeting no. ${no} is not closed: submissions, the decision and certificates follow its result once closed (/donghop).`,
      noSecretRound: html`No secret ballot of the meeting is closed yet.`,
      sentPrivately: html`The document is sent to you in private.`,
      menu: html`📄 <b>Year-end drafts</b>`,
      recordHint: html`Once the decision is signed, an admin records it (fill in the number and the date):`,
      template: (line: string) => html`<code>${line}</code>`,
      numberWord: 'NUMBER',
      dayWord: 'DATE',
      signerWord: 'SIGNER',
    },
    exceptional: {
      unknownEntry: (code: string) => html`No entry with code “${code}”.`,
      notMarked: (code: string) => html`Entry ${code} is not proposed for an exceptional award.`,
      unmarked: (code: string, reason: string) =>
        html`✅ The exceptional-award proposal for ${code} is taken back. Reason: ${reason}`,
      notCounted: (code: string) => html`Entry ${code} is withdrawn or was rejected.`,
      markedAlready: (code: string) => html`Entry ${code} is proposed for an exceptional award already.`,
      draftsName: 'Submission for an exceptional award and short achievement report',
      marked: (code: string, name: string, reason: string, award: string) =>
        html`✅ Entry ${code} of ${name} proposed for an exceptional award. Reason: ${reason}.${award ? html` Added to the ${award} list.` : ''} The draft submission and short report follow.`,
      title: html`⭐ <b>Exceptional-award proposals</b>`,
      none: html`None yet.`,
      line: (code: string, name: string, reason: string, day: string) =>
        html`• ${code} — ${name} (${day}): ${reason}`,
    },
    drives: {
      title: html`🎯 <b>The plan's thematic drives</b>`,
      line: (title: string, tag: string, id: string, date: string) =>
        html`• ${title} — tag <code>#${tag}</code>, ends ${date} (<code>/chuyende ${id}</code>)`,
      none: html`The plan has no thematic drive (a milestone with <code>drive</code>).`,
      unknown: (text: string) => html`Unknown drive “${text}”.`,
      are: (list: string) => html`Drives: ${list}.`,
      draftName: (title: string) => `Thematic award list: ${title}`,
      tagged: (codes: string, title: string, reason: string) =>
        html`✅ ${codes} tagged to ${title}. Reason: ${reason}`,
      listTitle: (title: string, tag: string, n: number, people: number) =>
        html`🎯 <b>${title}</b> (#${tag}): ${entries(n)} of ${people} ${people === 1 ? 'person' : 'people'}`,
      person: (name: string, codes: string) => html`• ${name}: ${codes}`,
      empty: (tag: string) => html`No entry carries #${tag} or was tagged to the drive by the Council yet.`,
      fileButton: 'List (Word)',
    },
  },
  desk: {
    title: 'Emulation desk',
    lang: 'en',
    skip: 'Skip to the main content',
    nav: {
      home: 'Home',
      queue: 'Awaiting review',
      figures: 'Figures',
      titles: 'Titles',
      meeting: 'Meeting',
      me: 'Mine',
      signOut: 'Sign out',
      otherLanguage: 'Tiếng Việt',
    },
    signin: {
      checking: 'Checking with Telegram…',
      outside:
        'Open the desk with the “Desk” button in your private chat with the bot on Telegram, or send /banlamviec to the bot for a one-time link.',
      linkTitle: 'Open the desk',
      linkIntro: 'This link works once, for a short time.',
      linkButton: 'Open the desk',
    },
    refusals: {
      forged:
        'The data Telegram sent could not be verified. Open the desk again from the button in the chat with the bot.',
      expired:
        'The data Telegram sent to open the desk has expired. Close the desk and open it again from the button in the chat with the bot.',
      stranger:
        'This account is not registered with the agency’s emulation bot, so the desk has nothing for it. Register with /dangky in the agency group.',
      linkUsed: 'This link has been used or has expired. Send /banlamviec to the bot for a new one.',
      signedOut: 'The session has ended or expired. Open the desk again.',
      forbidden: 'This page is for members of the Emulation and Commendation Council and admins.',
      adminOnly: 'This page is for admins (the Office).',
      membersOnly: 'This page is for members registered with the bot.',
      entry: 'You may not view this entry.',
      staleForm: 'The form is out of date or did not come from the desk. Reload the page and try again.',
      tooMany: 'Too many requests in a short time. Wait a few minutes and try again.',
      tooLarge: 'What was sent is too large.',
      notFound: 'There is no such page.',
      badInput: (what: string) => `Invalid input: ${what}.`,
      internal: 'Something went wrong handling the request. Try again; if it persists, tell an admin.',
      photoGone: 'This photo could not be fetched (the file is gone or the platform did not return it).',
      refusedTitle: 'Cannot open',
      again: 'Open again',
    },
    home: {
      ballots: (n: number) => `${n} secret ballot${n === 1 ? '' : 's'} awaiting you`,
      greeting: (name: string) => `Welcome, ${name}`,
      roles: {
        admin: 'Admin',
        council: 'Member of the Emulation and Commendation Council',
        member: 'Member',
      },
      pending: (n: number) => `${entries(n)} awaiting the Council's review`,
      mineWeek: (points: string, rank: string) => `This week: ${points}; ${rank}`,
      unranked: 'no points yet',
      rank: (rank: number, of: number) => `ranked ${rank}/${of}`,
      open: 'Open',
    },
    queue: {
      title: 'Entries awaiting the Council',
      count: (n: number, all: number) =>
        n === all
          ? `${entries(n)} awaiting review, oldest first.`
          : `${n}/${all} entries awaiting review match the filter, oldest first.`,
      none: 'No entries await review under this filter.',
      filters: 'Filter',
      department: 'Department',
      kind: 'Kind',
      from: 'From',
      to: 'To',
      all: 'All',
      apply: 'Filter',
      clear: 'Clear',
      select: (code: string) => `Select entry ${code}`,
      selectAll: 'Select every entry on the page',
      approve: 'Approve',
      reject: 'Do not approve',
      reason: 'Reason for not approving',
      reasonHint: 'Required when not approving; pick or write a reason.',
      bulk: 'Selected entries',
      bulkApprove: 'Approve the selected entries',
      bulkReject: 'Do not approve the selected entries',
      by: (name: string, dept: string) => `${name} (${dept})`,
      reportedBy: (name: string) => `Reported by ${name}`,
      photos: (n: number) => (n > 1 ? `${n} evidence photos` : '1 evidence photo'),
      photo: (code: string, n: number) => `Evidence photo ${n} of entry ${code} (open full size)`,
      own: 'Your own entry: another Council member will review it.',
      history: 'History',
      results: 'Results',
      noneSelected: 'No entry was selected.',
      needReason: (code: string) => `Entry ${code}: a reason for not approving is required.`,
      badDate: 'Dates are written year-month-day.',
    },
    entry: {
      title: (code: string) => `Entry ${code}`,
      photos: 'Evidence photos',
      history: 'History',
      back: 'Back to the review queue',
    },
    figures: {
      title: 'Emulation figures',
      period: 'Period',
      periodHint: 'For example: week, last week, month 11, Q4, first half, 2026.',
      show: 'Show',
      presets: {
        week: 'This week',
        lastWeek: 'Last week',
        month: 'This month',
        quarter: 'This quarter',
        year: 'This year',
      },
      members: 'Members',
      allMembers: (n: number) => `Members with points (${n})`,
      departments: 'Departments (by points per member)',
      rank: 'Rank',
      name: 'Full name',
      department: 'Department',
      points: 'Points',
      entries: 'Entries',
      perMember: 'Points per member',
      memberCount: 'Members',
      plan: (title: string, day?: string) => `Plan: ${title}${day ? ` (as of ${day})` : ''}`,
      target: 'Target',
      progress: 'Progress',
      states: {
        done: 'Reached',
        pending: 'Reached if the entries awaiting review are approved',
        open: 'Not reached',
      },
      chart: 'Chart (as the bot posts it in the group)',
      files: 'Report files',
      workbook: 'Summary workbook (Excel)',
      reportDoc: 'Draft report (Word)',
      reviewSheet: (year: number) => `Review sheet for ${year} (Excel)`,
      summary: 'Summary of the period',
      kindLine: (kind: string, count: number, points: string) => `${kind}: ${entries(count)}, ${points}`,
      participation: (done: number, all: number, pct: string) =>
        `Participation: ${done}/${all} members (${pct})`,
      review: (approved: number, rejected: number, pending: number) =>
        `Council: ${approved} approved, ${rejected} not approved, ${pending} awaiting review`,
      noPoints: 'Nobody has counted points in this period yet.',
      fileNote:
        'Files are built from the data at the moment of the download; a busy year takes a few seconds.',
    },
    meeting: {
      noCouncil: 'The Council is not configured (COUNCIL_FILE), so the desk has no meeting.',
      above: 'more than',
      atLeast: 'at least',
      approvedCount: (all: number, tasks: number, initiatives: number, deeds: number) =>
        all ? `${all} (tasks ${tasks}, initiatives ${initiatives}, good deeds ${deeds})` : 'none',
      title: (year: number) => `The Council's ${year} review meeting`,
      session: (no: number, when: string, place: string) => `Meeting no. ${no}: ${when}, at ${place}`,
      open: 'in session',
      closed: 'closed',
      attendance: (present: number, total: number) => `${present}/${total} members present.`,
      absent: 'Absent',
      conclusion: 'Conclusion',
      none: (year: number) =>
        `No Council meeting for ${year} yet. The secretary opens it with /mohop; the lists below come from the registrations and the changes made with reasons.`,
      noLists: 'No nomination list yet.',
      yourBallot: 'Your ballot',
      voteIn: (no: number, award: string) => `Secret ballot — vote ${no}: ${award}`,
      threshold: (text: string) => `agree ${text}`,
      toVerify: 'to verify',
      voting: 'voting',
      cast: (done: number, of: number) => `${done}/${of} members present have voted`,
      void: 'void',
      closedRound: 'closed',
      round: (no: number, method: string) => `Vote ${no} (${method})`,
      ballots: (issued: number, returned: number, valid: number) =>
        `Ballots issued ${issued}, returned ${returned}, valid ${valid}.`,
      written: (n: number) => `Written votes of absent members: ${n}.`,
      resultsOf: (no: number) => `Results of vote ${no}`,
      name: 'Name',
      agree: 'Agree',
      disagree: 'Disagree',
      inWriting: 'in writing',
      ofAll: 'Agree in all',
      share: 'Share of all members',
      reached: 'Against the setting',
      meets: 'reaches the share',
      below: 'below the share',
      note: 'The figures and the results are for the Council to discuss and conclude; the bot decides no title. No page shows what any member chose.',
      criteriaOf: (title: string) => `Criteria of ${title}`,
      previous: 'Previous case',
      next: 'Next case',
      back: 'All the lists',
      cases: 'Cases',
      caseOf: (n: number, of: number) => `Case ${n}/${of}`,
      department: 'Department',
      registered: 'Registered for',
      notRegistered: 'not registered',
      rating: 'Year-end rating',
      noRating: 'not recorded',
      approved: 'Entries approved in the year',
      origin: 'On the list from',
      noCase: (n: number) => `There is no case ${n} on the lists.`,
      ballotTitle: (no: number, award: string) => `Ballot — vote ${no}: ${award}`,
      ballotPrivacy:
        'Secret ballot: choose Agree or Disagree for each name, then press Send ballot. One ballot per member; the bot keeps that you voted, never what you chose.',
      ballotCheck: 'Check your ballot before sending: a ballot sent cannot be changed.',
      send: 'Send ballot',
      received: (no: number) =>
        `Your ballot in vote ${no} is sealed and counted in. The bot does not keep what you chose.`,
      incomplete: 'Choose Agree or Disagree for every name on the ballot.',
      notOnRoster: 'This account is not on the Council’s roster, so it does not vote.',
    },
    titles: {
      title: (year: number) => `Emulation titles ${year}`,
      none: 'No titles are configured for the plan’s year.',
      members: 'Members',
      departments: 'Collectives (departments)',
      registered: 'Registered',
      notRegistered: 'Not registered',
      firstOfKind: (title: string) => `not registered; the criteria of ${title} for reference`,
      criterion: 'Criterion',
      fact: 'What the bot recorded',
      entries: 'Entries',
      council: 'For the Council',
      measured: 'Measured by the bot',
      unverified: 'To verify — not used as a rule',
      counts: (done: number, all: number) => `${done}/${all} registered`,
      note: 'The bot prepares the facts; the Council reviews and the Head decides the titles.',
      more: (n: number) => `and ${n} more`,
    },
    me: {
      title: (name: string) => `Entries of ${name}`,
      entries: 'Entries',
      none: 'No entries in this period.',
      code: 'Code',
      day: 'Date',
      kind: 'Kind',
      text: 'Text',
      state: 'Status',
      total: (points: string, count: number) =>
        `Total: ${points} from ${count} counted ${count === 1 ? 'entry' : 'entries'}`,
      rank: (rank: number, of: number) => `Rank: ${rank}/${of} members with points in the period`,
      unranked: 'Rank: no points in the period',
      reason: (reason: string) => `Reason: ${reason}`,
      reportedBy: (name: string) => `reported by ${name}`,
      registration: (year: number) => `Title registration ${year}`,
      registeredAs: (title: string) => `Registered: ${title}`,
      notRegistered: 'No title registered (command /dangkythidua).',
      draft: (year: number) => `Draft achievement report ${year} (Word)`,
    },
    pager: {
      label: 'Pages',
      previous: 'Previous page',
      next: 'Next page',
      page: (n: number, of: number) => `Page ${n} of ${of}`,
    },
    link: {
      sent: (url: string, minutes: number) =>
        html`Your link to the desk (works once, within ${minutes} minutes):\n${url}\nDo not pass it on to anyone.`,
      inPrivate: html`The link to the desk has been sent to you in private.`,
      notServed: html`The web desk is not enabled (WEB_PUBLIC_URL and WEB_PORT are not configured).`,
      printed: (url: string) => `The desk (a browser, on this machine): ${url}`,
    },
    menuButton: 'Desk',
  },
};
