import { formatDay, lastDay, type Period } from '../core/periods.js';
import type { Messages } from './vi.js';

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const num = (n: number) => numbers.format(n);

/** English, beside the Vietnamese source: the compiler checks it has every key with the same parameters. */
export const en: Messages = {
  kind: { deed: 'Good deed', task: 'Task completed', initiative: 'Initiative' },
  period: (p: Period) => {
    switch (p.kind) {
      case 'week':
        return `week ${p.index}/${p.year} (${formatDay(p.start)} – ${formatDay(lastDay(p))})`;
      case 'month':
        return `month ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `Q${p.index}/${p.year}`;
      case 'year':
        return `year ${p.year}`;
    }
  },
  periodName: (p: Period) => {
    switch (p.kind) {
      case 'week':
        return `week ${p.index}/${p.year}`;
      case 'month':
        return `month ${String(p.index).padStart(2, '0')}/${p.year}`;
      case 'quarter':
        return `Q${p.index}/${p.year}`;
      case 'year':
        return `year ${p.year}`;
    }
  },
  periodRange: (p: Period) => `${formatDay(p.start)} – ${formatDay(lastDay(p))}`,
  periodForms:
    'Periods are written like: <code>week</code>, <code>last week</code>, <code>month</code>, <code>month 11</code>, <code>11/2026</code>, <code>November 2026</code>, <code>last month</code>, <code>quarter</code>, <code>Q4</code>, <code>Q4/2026</code>, <code>last quarter</code>, <code>year</code>, <code>2025</code>, <code>last year</code> (Vietnamese words work too: tuần, tháng 11, quý IV, năm 2025).',
  points: (n: number) => `${num(n)} ${n === 1 ? 'point' : 'points'}`,
  number: num,
  percent: (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—'),
  usageLine: (usage: string) => `Usage: <code>${usage}</code>`,

  errors: {
    internal:
      'Sorry, something went wrong while handling this command. Before sending it again, check /cuatoi so that nothing is logged twice.',
    storeWrite:
      'Sorry, the server cannot write data right now, so <b>nothing was saved</b>. Please try again later.',
    privateRefused:
      'The bot could not write to you in private. Write to the bot privately once (on Zalo: add its account as a friend), then send the command again.',
    unknownCommand: (name: string) => `There is no command /${name}. Send /help to see the commands.`,
    notRegistered: 'You have not registered yet. Send: <code>/dangky Full name | Department</code>',
    adminOnly: 'This command is for administrators only (the Office, the Committee leadership).',
    notGroupMember:
      "Only members of the agency's group chat can register. Join the group, or send the command in the group.",
    unknownPeriod: (token: string) => `Unknown period “${token}”.`,
    impossiblePeriod: (text: string) =>
      `There is no period “${text}”: weeks run 1 to 53, months 1 to 12, quarters 1 to 4 (I–IV), years 2000 to 2100.`,
    extraIgnored: (used: string, ignored: string) => `<i>Used the period ${used}; ignored “${ignored}”.</i>`,
  },

  help: {
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
      usage: '/bangxephang [period]',
      description: 'Leaderboard of members and departments (default: this week)',
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
    plan: { usage: '/kehoach', description: "Progress of the year's targets and milestones" },
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
    title: '<b>Commands you can use</b>',
    photoTip: 'Send a photo whose caption is a logging command to keep the photo as evidence.',
  },

  start: {
    greeting: (name: string, agency: string) =>
      `Hello ${name}! This bot runs the <b>2026 emulation movement</b> of ${agency}.`,
    purpose:
      'Staff log good deeds, completed tasks and initiatives from their phones; everyone sees points and the ' +
      'rankings of members and departments; the Office gets its periodic summaries.',
    howToRegister: 'To start, register: <code>/dangky Full name | Department</code>',
    registered: (name: string, dept: string) => `You are registered as <b>${name}</b> — ${dept}.`,
    moreHelp: 'Send /help to see the commands.',
  },

  register: {
    missingName: 'Please write your full name before the | sign.',
    departmentAsName: (dept: string) =>
      `“${dept}” is the name of a department. Please write the full name before the | sign and the department after it.`,
    swappedChoice: (name: string, dept: string) => `Register: ${name} — ${dept}`,
    plainName: (name: string) =>
      `The name “${name}” has no diacritics or capitals. Official reports will print it exactly so. Please send it again with diacritics and capitals (e.g. <code>/dangky Nguyễn Văn Nam | Phòng Cán bộ</code>), or choose to keep it.`,
    keepName: (name: string) => `Keep “${name}”`,
    sameName: (name: string) =>
      `Another member is already named “${name}”. If you are two people with the same name, please add something to tell you apart, e.g. “${name} (1985)”. If that is you on another platform, use /lienket to link the two accounts.`,
    confirmMove: (name: string, from: string, to: string) =>
      `${name} belongs to <b>${from}</b>. Move to <b>${to}</b> from today? Entries logged before keep counting for ${from}.`,
    confirmMoveButton: (to: string) => `Confirm the move to ${to}`,
    moved: (name: string, from: string, to: string) =>
      `✅ ${name} moved from ${from} to <b>${to}</b> from today. Entries logged before keep counting for ${from}.`,
    alreadyThere: (name: string, dept: string) => `${name} belongs to ${dept} already.`,
    missingMoveDepartment: 'Please give the department to move to.',
    unknownPerson: (query: string) =>
      `No member matches “${query}”. Give an @colleague or the full name as registered.`,
    moveOthersAdminOnly: 'Only administrators move other members.',
    noticeMoved: (from: string, to: string, by: string) =>
      `${by} moved you from ${from} to <b>${to}</b> from today. Entries logged before keep counting for ${from}.`,
    nameTooLong: (max: number) => `The name is longer than ${max} characters.`,
    pickDepartment: (name: string) => `Pick the department of <b>${name}</b>:`,
    unknownDepartment: (query: string) => `No department matches “${query}”.`,
    departmentList: 'Departments:',
    answerWithNumber: 'Answer with the command and a number, for example:',
    created: (name: string, dept: string) =>
      `✅ Registered <b>${name}</b> — ${dept}. Welcome to the movement!`,
    updated: (name: string, dept: string) => `✅ Profile updated: <b>${name}</b> — ${dept}.`,
    next: 'Log your first entry: <code>/viectot text</code>, <code>/hoanthanh text</code> or <code>/sangkien text</code>.',
  },

  entry: {
    needsWords: (kind: 'deed' | 'task' | 'initiative', min: number) =>
      `Please describe ${
        { deed: 'the good deed', task: 'the task you completed', initiative: 'the initiative or model' }[kind]
      } (at least ${min} words, not counting # tags, mentioned people, emoji and punctuation). For example: <code>${
        {
          deed: '/viectot Covered a shift for a colleague who was ill',
          task: '/hoanthanh Finished the third-quarter review report',
          initiative: '/sangkien Digitised party member records, searchable by QR code #cntt',
        }[kind]
      }</code>`,
    tooLong: (length: number, max: number) =>
      `The text is ${length} characters long; at most ${max} are allowed.`,
    mentionNotRegistered: (label: string) =>
      `${label} has not registered with the bot, so nothing was logged. Ask them to send /dangky first.`,
    oneMentionOnly: 'Each entry credits one person. Please send one entry per colleague.',
    dailyLimit: (max: number) =>
      `You have logged ${max} entries today, the daily maximum (every entry you log counts, including those for colleagues; withdrawn ones do not). Please continue tomorrow.`,
    saved: (kind: string, code: string, points: string) =>
      `✅ Saved <b>${kind}</b> — code <code>${code}</code>, ${points}.`,
    alreadySaved: (code: string) => `This message was logged already, code <code>${code}</code>.`,
    creditedTo: (name: string, reporter: string) => `Credited to: <b>${name}</b> (reported by ${reporter}).`,
    creditedSelf: (name: string) => `Credited to: <b>${name}</b>.`,
    mentionHint:
      'To credit a good deed to a colleague, name them right after the command, e.g. <code>/viectot @lan covered my shift</code>.',
    tags: (tags: string) => `Marked: ${tags}`,
    adhocTag: 'unplanned task',
    itTag: 'IT-application model',
    photoKept: '📷 The photo is kept as evidence.',
    rank: (name: string, rank: number, of: number, points: string) =>
      `This week ${name} ranks ${rank}/${of} among members with points, with ${points}.`,
    unranked: (name: string) => `This week ${name} has no counted points yet.`,
    withdrawHint: (code: string) => `A mistake? Send <code>/huy ${code}</code> to withdraw it.`,
  },

  mine: {
    title: (name: string, period: string) => `<b>Entries of ${name}</b> — ${period}`,
    none: 'No entries in this period yet.',
    line: (code: string, day: string, kind: string, points: string, text: string) =>
      `<code>${code}</code> ${day} · ${kind} · ${points}\n   ${text}`,
    state: (state: string) => `(${state})`,
    reason: (reason: string) => `— reason: ${reason}`,
    reportedBy: (name: string) => `(reported by ${name})`,
    total: (points: string, count: number) =>
      `Total: <b>${points}</b> from ${count} counted ${count === 1 ? 'entry' : 'entries'}.`,
    rank: (rank: number, of: number) => `Rank: ${rank}/${of} among members with points in the period.`,
    unranked: 'Rank: no points in this period yet.',
    reportedForOthers: (count: number) =>
      `You reported ${count} good ${count === 1 ? 'deed' : 'deeds'} of colleagues.`,
    more: (count: number) => `… and ${count} more.`,
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
    missingCode: 'Please give the code of the entry to withdraw, e.g. <code>/huy VT12</code>.',
    missingReason: (code: string) =>
      `Entry <code>${code}</code> was not logged by you: please give the reason, e.g. <code>/huy ${code} Duplicate of an earlier entry</code>. The member credited will be told.`,
    reasonTooLong: (max: number) => `The reason is longer than ${max} characters.`,
    notice: (code: string, kind: string, text: string, by: string, reason: string) =>
      `Entry <code>${code}</code> (${kind}) credited to you was withdrawn by ${by} and no longer counts.${reason ? `\nReason: ${reason}` : ''}\n<i>${text}</i>`,
    noticeReporter: (code: string, kind: string, text: string, by: string, reason: string) =>
      `Entry <code>${code}</code> (${kind}) that you logged was withdrawn by ${by} and no longer counts.${reason ? `\nReason: ${reason}` : ''}\n<i>${text}</i>`,
    unknownCode: (code: string) => `There is no entry with code “${code}”.`,
    notYours: (code: string) =>
      `Entry <code>${code}</code> was logged by someone else, so you cannot withdraw it.`,
    alreadyWithdrawn: (code: string) => `Entry <code>${code}</code> was withdrawn already.`,
    done: (code: string, points: string) =>
      `↩️ Entry <code>${code}</code> withdrawn; its ${points} no longer count.`,
    doneFor: (code: string, points: string, name: string) =>
      `↩️ Entry <code>${code}</code> of ${name} withdrawn; its ${points} no longer count. Those concerned have been told.`,
  },

  leaderboard: {
    title: (period: string) => `🏆 <b>Emulation leaderboard</b> — ${period}`,
    members: (n: number) => `<b>Top members</b> (top ${n})`,
    ties: (shown: number) => `<i>The list has ${shown} members because of ties.</i>`,
    noPoints: 'Nobody has logged anything in this period yet. Be the first!',
    memberLine: (rank: number, name: string, dept: string, points: string) =>
      `${rank}. ${name} (${dept}) — ${points}`,
    departments: '<b>Departments</b> (ranked by points per member)',
    departmentLine: (rank: number, name: string, perMember: string, points: string, members: number) =>
      `${rank}. ${name} — ${perMember} points/member (total ${points}, ${members} ${members === 1 ? 'member' : 'members'})`,
  },

  summary: {
    title: (period: string, range: string, department?: string) =>
      `📊 <b>Emulation summary${department ? ` — ${department}` : ''} — ${period}</b> (${range})`,
    reviewSheetWholeAgency: (dept: string) =>
      `<i>The review sheet covers the whole agency (every member and department), not only “${dept}”.</i>`,
    unknownWords: (words: string) => `“${words}” is neither a period nor a department.`,
    departmentsList: 'Departments are named by their name (diacritics optional) or id:',
    departmentItem: (name: string, id: string) => `• ${name} (<code>${id}</code>)`,
    byKind: '<b>By kind</b>',
    kindLine: (kind: string, count: number, points: string) => `• ${kind}: ${count} entries, ${points}`,
    adhoc: (count: number) => `   of which unplanned tasks: ${count}`,
    it: (count: number) => `   of which IT-application models: ${count}`,
    total: (count: number, points: string) => `<b>Total:</b> ${count} entries, ${points}`,
    byDepartment: '<b>By department</b>',
    departmentLine: (
      name: string,
      count: number,
      points: string,
      participants: number,
      members: number,
      pct: string,
    ) => `• ${name}: ${count} entries, ${points}; participation ${participants}/${members} (${pct})`,
    participation: (participants: number, members: number, pct: string) =>
      `<b>Participation:</b> ${participants}/${members} members with at least one entry (${pct})`,
    topMembers: '<b>Top members</b>',
    memberLine: (rank: number, name: string, dept: string, points: string, count: number) =>
      `${rank}. ${name} (${dept}) — ${points}, ${count} entries`,
    targets: '<b>Plan targets</b>',
    adhocTotal: (count: number) => `• Arising, unplanned tasks completed: ${count}`,
    itTotal: (count: number) => `• IT-application models (target: at least 1): ${count}`,
    withdrawn: (count: number) => `<b>Withdrawn entries:</b> ${count}`,
    withdrawnCodes: (codes: string) => `   ${codes}`,
    empty: 'No entries in this period yet.',
    review: (approved: number, rejected: number, pending: number) =>
      `<b>Council review:</b> approved ${approved}, not approved ${rejected}, awaiting ${pending}.`,
    modes: {
      after:
        'Entries count as soon as they are logged; an entry the Council does not approve stops counting.',
      before: 'Entries count only once the Council approves them.',
    },
    models: (count: number) => `<b>Model examples:</b> ${count}`,
    modelStage: (stage: string, count: number) => `   ${stage}: ${count}`,
    fileButton: '📎 Report files (Excel, Word)',
    filesSent: (period: string) =>
      `📎 Report files for ${period}: the Excel summary and the Word report draft.`,
    reviewSheetSent: (year: number) =>
      `📎 Year-end review sheet ${year}: the record of every member and department.`,
    reviewSheetYearOnly: 'The review sheet is for a whole year, e.g. <code>/tonghop 2026 binhxet</code>.',
  },

  review: {
    councilOnly: 'This command is for members of the Emulation and Commendation Council and administrators.',
    pendingCounted: (n: number) =>
      `⏳ ${n} ${n === 1 ? 'entry has' : 'entries have'} not been reviewed by the Council yet (counted; may still be rejected).`,
    pendingNotCounted: (n: number) =>
      `⏳ ${n} ${n === 1 ? 'entry awaits' : 'entries await'} the Council's review (not counted yet).`,
    listTitle: (n: number) => `<b>Awaiting review</b>: ${n}, oldest first.`,
    listNone: 'Nothing awaits review. 👍',
    listMore: (n: number) => `… and ${n} more. Review the ones above, then send /choduyet again.`,
    item: (
      code: string,
      kind: string,
      points: string,
      name: string,
      dept: string,
      day: string,
      text: string,
    ) => `<code>${code}</code> · ${kind} · ${points}\n${name} (${dept}) · ${day}\n<i>${text}</i>`,
    photo: '📷 with photo evidence',
    approveButton: '✅ Approve',
    rejectButton: '❌ Reject',
    missingCode: (command: string) => `Please give the entry's code, e.g. <code>/${command} VT12</code>.`,
    missingReason: (code: string) =>
      `Please give the reason, e.g. <code>/tuchoi ${code} Duplicate of an earlier entry</code>, or pick one:`,
    reasons: ['Duplicate of an earlier entry', 'Not enough evidence', 'Not part of the emulation movement'],
    reasonTooLong: (max: number) => `The reason is longer than ${max} characters.`,
    approved: (code: string, name: string) => `✅ Entry <code>${code}</code> of ${name} approved.`,
    missingReopenReason: (code: string) =>
      `Please give the reason to reconsider, e.g. <code>/xetlai ${code} New evidence provided</code>.`,
    notDecided: (code: string) =>
      `Entry <code>${code}</code> awaits review; there is no decision to reconsider.`,
    reopened: (code: string, name: string, reason: string) =>
      `🔄 Entry <code>${code}</code> of ${name} is back to awaiting review. Reason: ${reason}`,
    noticeReopened: (code: string, kind: string, text: string, reason: string) =>
      `🔄 Entry <code>${code}</code> (${kind}) credited to you is back to awaiting review by the Emulation and Commendation Council.\nReason: ${reason}\n<i>${text}</i>`,
    noticeReopenedReporter: (code: string, kind: string, name: string, text: string, reason: string) =>
      `🔄 Entry <code>${code}</code> (${kind}) that you logged for ${name} is back to awaiting review by the Emulation and Commendation Council.\nReason: ${reason}\n<i>${text}</i>`,
    noticeApprovedReporter: (code: string, kind: string, name: string, text: string) =>
      `✅ Entry <code>${code}</code> (${kind}) that you logged for ${name} was approved by the Emulation and Commendation Council.\n<i>${text}</i>`,
    noticeRejectedReporter: (code: string, kind: string, name: string, text: string, reason: string) =>
      `Entry <code>${code}</code> (${kind}) that you logged for ${name} was not approved by the Emulation and Commendation Council.\nReason: ${reason}\n<i>${text}</i>`,
    rejected: (code: string, name: string, reason: string) =>
      `❌ Entry <code>${code}</code> of ${name} not approved. Reason: ${reason}`,
    alreadyDecided: (code: string, decision: string) => `Entry <code>${code}</code> was ${decision} already.`,
    decisions: { approved: 'approved', rejected: 'rejected' },
    withdrawnEntry: (code: string) => `Entry <code>${code}</code> was withdrawn; there is nothing to review.`,
    ownEntry: (code: string) => `Entry <code>${code}</code> is yours; another Council member will review it.`,
    noticeApproved: (code: string, kind: string, text: string) =>
      `✅ Entry <code>${code}</code> (${kind}) credited to you was approved by the Emulation and Commendation Council.\n<i>${text}</i>`,
    noticeRejected: (code: string, kind: string, text: string, reason: string) =>
      `Entry <code>${code}</code> (${kind}) credited to you was not approved by the Emulation and Commendation Council.\nReason: ${reason}\n<i>${text}</i>\nYou may log it again with fuller details or evidence.`,
  },

  history: {
    title: (code: string, kind: string) => `<b>History of entry <code>${code}</code></b> — ${kind}`,
    credited: (name: string, reporter: string) => `Credited to ${name}; reported by ${reporter}`,
    creditedSelf: (name: string) => `Credited to ${name} (logged by themselves)`,
    state: (state: string, counting: string) => `Status: ${state}, ${counting}.`,
    department: (name: string) => `Counts for: ${name}`,
    line: (time: string, action: string, by: string, platform: string) =>
      `• ${time} — ${action} — ${by} (${platform})`,
    note: (note: string) => `   ${note}`,
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
    },
    platforms: { telegram: 'Telegram', zalo: 'Zalo', console: 'console demo' },
  },

  models: {
    stages: { discover: 'Discover', nurture: 'Nurture', sumup: 'Sum up', replicate: 'Replicate' },
    listTitle: '🌟 <b>Model examples</b> (discover – nurture – sum up – replicate)',
    none: 'No model example has been proposed yet.',
    stageHeader: (stage: string, count: number) => `<b>${stage}</b> (${count})`,
    line: (no: number, subject: string, reason: string, since: string) =>
      `${no}. ${subject} — ${reason} (since ${since})`,
    subjectEntry: (code: string, name: string, text: string) =>
      `entry <code>${code}</code> of ${name}: “${text}”`,
    subjectMember: (name: string, dept: string) => `${name} (${dept})`,
    subjectDepartment: (name: string) => `the collective of ${name}`,
    proposed: (no: number, subject: string) =>
      `🌟 Model example no. ${no} proposed: ${subject}. Stage: <b>Discover</b>.`,
    advanced: (no: number, subject: string, stage: string) =>
      `🌟 Model example no. ${no} (${subject}) moved to the <b>${stage}</b> stage.`,
    missingReason: 'Please give the reason for the proposal after the person or department.',
    missingNote: (no: number) =>
      `Please describe the stage, e.g. <code>/dienhinh ${no} tiep Presented at the agency's conference</code>.`,
    unknownSubject: (query: string) =>
      `Whom is it for? “${query}” is not clear. Give an entry code (VT12), an @colleague or a department.`,
    unknownModel: (no: number) => `There is no model example no. ${no}.`,
    lastStage: (no: number) => `Model example no. ${no} is at the last stage (Replicate) already.`,
    duplicate: (no: number) => `Model example no. ${no} already covers this.`,
    councilAdvances: 'Only members of the Council move a model example to its next stage.',
    ownSubject: (no: number) =>
      `Model example no. ${no} is about you, your entry or your department: another Council member will move it on.`,
    tooLong: (max: number) => `The text is longer than ${max} characters.`,
  },

  buttons: {
    expired: 'This choice has expired. Please send the command again.',
    notYours: 'This button belongs to the person who sent the command.',
  },

  link: {
    issued: (code: string, minutes: number) =>
      `🔗 Link code: <code>${code}</code> (one use, within ${minutes} minutes). On the other platform (Telegram or Zalo), send: <code>/lienket ${code}</code>`,
    linked: (name: string) =>
      `🔗 Linked: this account and the profile of <b>${name}</b> are one; points add up.`,
    merged: (count: number) =>
      `${count} earlier ${count === 1 ? 'entry was' : 'entries were'} merged into the profile.`,
    wrongCode: (code: string) =>
      `The code “${code}” is wrong. Get a new one with /lienket on the other platform.`,
    expiredCode:
      'This code has expired or was used already. Get a new one with /lienket on the other platform.',
    samePlatform: 'Send this code from the other platform (Telegram ↔ Zalo), not where you got it.',
    alreadyLinked: (name: string) => `This account belongs to the profile of ${name} already.`,
    tooManyTries: 'Too many wrong codes. Please wait 10 minutes, then try again with a new code.',
  },

  plan: {
    title: (title: string, day: string) => `📋 <b>${title}</b>\nProgress as of ${day}`,
    targetLine: (state: 'done' | 'pending' | 'open', title: string, bar: string, value: string) =>
      `${{ done: '✅', pending: '⏳', open: '▫️' }[state]} ${title}\n   ${bar} ${value}`,
    legend: '✅ reached (approved) · ⏳ reached if the entries awaiting review are approved · ▫️ not reached',
    participation: (part: number, whole: number, pct: string) => `${part}/${whole} (${pct})`,
    count: (value: number, goal: number) => `${value}/${goal}`,
    pendingIncluded: (n: number) => `, of which ${n} rest on entries not yet reviewed`,
    pendingExcluded: (n: number) => `, ${n} more if the entries awaiting review are approved`,
    milestonesTitle: '<b>Next milestones</b>',
    milestoneLine: (date: string, days: number, title: string) =>
      `• ${date} (${days === 0 ? 'today' : `in ${days} ${days === 1 ? 'day' : 'days'}`}) — ${title}`,
    noMilestones: 'No milestones left this year.',
    none: 'No emulation plan is configured.',
  },

  posts: {
    weeklyTitle: (period: string) => `🏆 <b>This week's emulation honour board</b> — ${period}`,
    deedsTitle: '<b>Good people, good deeds</b>',
    deedLine: (name: string, text: string) => `• ${name}: ${text}`,
    noDeeds: 'No good deed has been logged yet — share one with /viectot!',
    moreDeeds: (n: number) => `… and ${n} more good ${n === 1 ? 'deed' : 'deeds'}.`,
    silentDepartments: (list: string) => `<b>Departments with nothing logged this week:</b> ${list}`,
    allDepartmentsActive: 'Every department has logged something this week. 👏',
    targetsTitle: "<b>Progress of the year's plan</b>",
    targetShort: (title: string, value: string) => `• ${title}: ${value}`,
    modelsTitle: '<b>Model examples</b>',
    modelLine: (no: number, subject: string, stage: string) => `• No. ${no}: ${subject} — ${stage}`,
    monthlyTitle: (period: string) => `📰 <b>Emulation digest, ${period}</b>`,
    monthlyTop: '<b>Top members of the month</b>',
    reminder: (title: string, date: string, days: number) =>
      days > 0
        ? `📌 <b>Plan reminder</b>: ${title} — on ${date} (in ${days} ${days === 1 ? 'day' : 'days'}).`
        : `📌 <b>Today, ${date}</b>: ${title}.`,
    reportReminder: (title: string, date: string) =>
      `📌 For the Office: ${title} — on ${date}. Send <code>/tonghop quy file</code> (or the period to report) for the figures and a report draft.`,
    nudge: (name: string, days: number) =>
      `Hello ${name}. You have logged nothing for ${days} days. Share your work with /hoanthanh, a good deed with /viectot, an initiative with /sangkien. (Stop reminders: /tatnhac)`,
    nudgesOff: 'Personal reminders are off. Turn them back on with /batnhac.',
    nudgesOn: 'Personal reminders are on. Turn them off with /tatnhac.',
    nudgesNeedPrivate:
      'Personal reminders come in a private chat: write to the bot privately once to receive them.',
    previewNote: '<i>Preview — only you see this.</i>',
    posted: 'Posted to the group.',
    unknownPost: (name: string) => `Unknown post “${name}”.`,
    missingPost: 'Please name the post.',
    postNames: {
      bangxephang: "the week's leaderboard",
      thang: 'the monthly digest',
      nhac: "today's plan reminders",
    },
    confirmPost: (name: string) =>
      `Post <b>${name}</b> to the whole group now? Every member of the group will receive it. (Preview: /xemtruoc)`,
    confirmPostButton: '📣 Post now',
    noReminders: 'No plan milestone to remind today.',
  },

  demo: {
    intro: (dir: string, reports: string) =>
      [
        'thidua-bot — local demo (neither TELEGRAM_BOT_TOKEN nor Zalo is configured).',
        `You are a demo member, an admin and a Council member, on a demo store in ${dir}.`,
        'Try: /help, /viectot Helped @lan fix the printer, /viectot @lan covered my shift, /bangxephang last week, /kehoach, /tonghop Q4 file. When the bot lists numbered choices, type the number to pick one. Quit: /exit or Ctrl+D.',
        `Report files are saved in ${reports}. The demo store is deleted on exit.`,
      ].join('\n'),
  },

  chosen: (command: string) => `→ ${command}`,
  unknownDepartmentName: (id: string) => `(department “${id}” is no longer configured)`,
};
