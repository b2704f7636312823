import { formatDay, lastDay, type Period } from '../core/periods.js';
import type { Messages } from './vi.js';

const num = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

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
  points: (n: number) => `${num(n)} ${n === 1 ? 'point' : 'points'}`,
  number: num,
  percent: (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—'),
  usageLine: (usage: string) => `Usage: <code>${usage}</code>`,

  errors: {
    internal:
      'Sorry, something went wrong while handling this command. Nothing was changed; please try again later.',
    storeWrite:
      'Sorry, the server cannot write data right now, so <b>nothing was saved</b>. Please try again later.',
    unknownCommand: (name: string) => `There is no command /${name}. Send /help to see the commands.`,
    notRegistered: 'You have not registered yet. Send: <code>/dangky Full name | Department</code>',
    adminOnly: 'This command is for administrators only (the Office, the Committee leadership).',
    notGroupMember:
      "Only members of the agency's group chat can register. Join the group, or send the command in the group.",
    unknownPeriod: (token: string) =>
      `Unknown period “${token}”. Use tuan, thang, quy, nam (week, month, quarter, year), or MM/YYYY, Qn/YYYY, YYYY (e.g. 11/2026, Q4/2026, 2026).`,
  },

  help: {
    start: { usage: '/batdau', description: 'About the bot and how to register' },
    help: { usage: '/trogiup', description: 'The commands you can use' },
    register: { usage: '/dangky Full name | Department', description: 'Register or update your profile' },
    deed: { usage: '/viectot text', description: 'Log a good deed (mention @a colleague to credit them)' },
    task: { usage: '/hoanthanh text', description: 'Log a completed task (#dotxuat: unplanned)' },
    initiative: {
      usage: '/sangkien text',
      description: 'Log an initiative or new model (#cntt: IT application)',
    },
    mine: { usage: '/cuatoi [tuan|thang|quy|nam]', description: 'Your entries and points' },
    withdraw: { usage: '/huy CODE', description: 'Withdraw an entry you logged' },
    leaderboard: {
      usage: '/bangxephang [tuan|thang|quy|nam]',
      description: 'Leaderboard of members and departments',
    },
    summary: {
      usage: '/tonghop [tuan|thang|quy|nam|MM/YYYY|Qn/YYYY|YYYY] [department]',
      description: 'Summary of the movement (administrators)',
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
    emptyText: (kind: string) => `Please write what the ${kind.toLowerCase()} was after the command.`,
    tooLong: (length: number, max: number) =>
      `The text is ${length} characters long; at most ${max} are allowed.`,
    mentionNotRegistered: (label: string) =>
      `${label} has not registered with the bot, so nothing was logged. Ask them to send /dangky first.`,
    oneMentionOnly: 'Each entry credits one person. Please send one entry per colleague.',
    dailyLimit: (max: number) =>
      `You have logged ${max} entries today, the daily maximum. Thank you — see you tomorrow!`,
    saved: (kind: string, code: string, points: string) =>
      `✅ Saved <b>${kind}</b> — code <code>${code}</code>, ${points}.`,
    alreadySaved: (code: string) => `This message was logged already, code <code>${code}</code>.`,
    creditedTo: (name: string, reporter: string) => `Credited to <b>${name}</b> (reported by ${reporter}).`,
    tags: (tags: string) => `Marked: ${tags}`,
    adhocTag: 'unplanned task',
    itTag: 'IT-application model',
    photoKept: '📷 The photo is kept as evidence.',
    rank: (name: string, rank: number, of: number, points: string) =>
      `${name} ranks ${rank}/${of} this week with ${points}.`,
    withdrawHint: (code: string) => `A mistake? Send <code>/huy ${code}</code> to withdraw it.`,
  },

  mine: {
    title: (name: string, period: string) => `<b>Entries of ${name}</b> — ${period}`,
    none: 'No entries in this period yet.',
    line: (code: string, day: string, kind: string, points: string, text: string) =>
      `<code>${code}</code> ${day} · ${kind} · ${points}\n   ${text}`,
    withdrawn: '(withdrawn)',
    reportedBy: (name: string) => `(reported by ${name})`,
    total: (points: string, count: number) =>
      `Total: <b>${points}</b> from ${count} ${count === 1 ? 'entry' : 'entries'}.`,
    rank: (rank: number, of: number) => `Rank: ${rank}/${of}.`,
    reportedForOthers: (count: number) =>
      `You reported ${count} good ${count === 1 ? 'deed' : 'deeds'} of colleagues.`,
    more: (count: number) => `… and ${count} more.`,
  },

  withdraw: {
    missingCode: 'Please give the code of the entry to withdraw, e.g. <code>/huy VT12</code>.',
    unknownCode: (code: string) => `There is no entry with code “${code}”.`,
    notYours: (code: string) =>
      `Entry <code>${code}</code> was logged by someone else, so you cannot withdraw it.`,
    alreadyWithdrawn: (code: string) => `Entry <code>${code}</code> was withdrawn already.`,
    done: (code: string, points: string) =>
      `↩️ Entry <code>${code}</code> withdrawn; its ${points} no longer count.`,
  },

  leaderboard: {
    title: (period: string) => `🏆 <b>Emulation leaderboard</b> — ${period}`,
    members: (n: number) => `<b>Top members</b> (top ${n})`,
    noPoints: 'Nobody has logged anything in this period yet. Be the first!',
    memberLine: (rank: number, name: string, dept: string, points: string) =>
      `${rank}. ${name} (${dept}) — ${points}`,
    departments: '<b>Departments</b> (ranked by points per member)',
    departmentLine: (rank: number, name: string, perMember: string, points: string, members: number) =>
      `${rank}. ${name} — ${perMember} points/member (total ${points}, ${members} ${members === 1 ? 'member' : 'members'})`,
  },

  summary: {
    title: (period: string, range: string) => `📊 <b>Emulation summary — ${period}</b> (${range})`,
    department: (name: string) => `Department: <b>${name}</b>`,
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
  },

  buttons: {
    expired: 'This choice has expired. Please send the command again.',
    notYours: 'This button belongs to the person who sent the command.',
  },

  departmentChoice: (index: number, name: string) => `${index}. ${name}`,
  choiceLine: (index: number, label: string, command: string) =>
    `${index}. ${label} — <code>${command}</code>`,
  unknownDepartmentName: (id: string) => `(department “${id}” is no longer configured)`,
};
