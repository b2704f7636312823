import { looksLikeCode } from '../core/codes.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { Award, DecisionRef, Discipline, Initiative, TitleSubject } from '../core/domain.js';
import type { HtmlPart } from '../core/html.js';
import type { AwardPatch, DisciplinePatch, InitiativePatch, RecordChange } from '../core/records.js';
import { fold } from '../core/text.js';
import { refuse, say, words } from './lib/common.js';
import {
  decisionDay,
  fields,
  historyLines,
  orRefusal,
  quote,
  type RecordKind,
  readAward,
  readDay,
  readForm,
  readRecordCode,
  readSubjectList,
  readYear,
  recordCode,
  recordLine,
  recordsCommand,
  subjectName,
  subjectRef,
} from './lib/records.js';

const FIELDS: Record<RecordKind, readonly string[]> = {
  discipline: ['hinhthuc', 'so', 'ngay', 'coquan', 'nguoiky', 'tu', 'den', 'ghichu'],
  initiative: ['ten', 'nam', 'so', 'ngay', 'coquan', 'nguoiky', 'ma'],
  award: ['ten', 'nam', 'so', 'ngay', 'coquan', 'nguoiky', 'them', 'bo'],
};
const ANNUL = 'huy';

/**
 * `/dinhchinh MÃ | trường: giá trị | lý do` corrects a record (KL discipline, CN recognised
 * initiative, KT award) — `so: 125-QĐ/BTCTU`, `ngay: 22/12/2026`, `them: @lan`, `bo: @hung`… —
 * and `/dinhchinh MÃ huy | lý do` annuls it. Nothing is erased: the record shows its new state, its
 * history says what changed, who, when, why; an annulled record stays, marked, and no longer counts.
 * A reason is required. With the code alone: the record and its history, and how to correct it.
 * (A year-end rating is corrected with /xeploai.)
 */
export const dinhchinh: Command = recordsCommand(
  defineCommand({
    name: 'dinhchinh',
    group: 'hoso',
    access: 'admin',
    writes: true,
    usage: (t) => t.records.help.correct.usage,
    description: (t) => t.records.help.correct.description,
    async run(ctx) {
      const { t, store } = ctx;
      const parts = fields(ctx.args);
      const head = words(parts[0] ?? '');
      const annul = head.length > 1 && fold(head.at(-1) ?? '') === ANNUL;
      const codeText = (annul ? head.slice(0, -1) : head).join('');
      const code = readRecordCode(codeText);
      if (!code) {
        return refuse(
          ctx,
          dinhchinh,
          codeText ? t.records.correct.unknownCode(quote(codeText)) : t.records.correct.codeNeeded,
        );
      }
      const record = recordOf(ctx, code.kind, code.no);
      if (!record) return refuse(ctx, dinhchinh, t.records.correct.unknownCode(quote(codeText)));
      const shown = recordCode(code.kind, code.no);
      if (parts.length === 1 && !annul) return [show(ctx, code.kind, record)];

      // The fields to change; the part that is not one is the reason.
      const changes = new Map<string, string>();
      let reason = '';
      for (const part of parts.slice(1)) {
        const field = /^([\p{L} ]{1,12}?)\s*:\s*(.*)$/u.exec(part);
        const key = field ? fold(field[1] as string).replace(/\s+/g, '') : '';
        if (field && FIELDS[code.kind].includes(key)) changes.set(key, (field[2] as string).trim());
        else if (field && !['lydo', 'reason'].includes(key) && parts.indexOf(part) < parts.length - 1)
          return refuse(
            ctx,
            dinhchinh,
            t.records.correct.unknownField(quote(field[1] as string), t.records.correct.fieldsOf[code.kind]),
          );
        else if (part) reason = part.replace(/^(lý do|ly do|reason)\s*:\s*/i, '');
      }
      if (!reason) return refuse(ctx, dinhchinh, t.records.correct.reasonNeeded);
      if (!annul && changes.size === 0) return refuse(ctx, dinhchinh, t.records.correct.nothing);

      const built = annul
        ? annulment(code.kind, code.no, reason)
        : correction(ctx, code.kind, record, changes, reason);
      if (!('op' in built)) return refuse(ctx, dinhchinh, built.problem);
      const plan = await orRefusal(ctx, dinhchinh.usage(t), () => store.changeRecords([built], ctx.actor));
      if (Array.isArray(plan)) return plan;
      return [say(annul ? t.records.correct.annulled(shown) : t.records.correct.done(shown))];
    },
  }),
);

function recordOf(
  ctx: CommandContext,
  kind: RecordKind,
  no: number,
): Discipline | Initiative | Award | undefined {
  const list = {
    discipline: ctx.store.disciplines,
    initiative: ctx.store.initiatives,
    award: ctx.store.awards,
  }[kind];
  return (list as readonly (Discipline | Initiative | Award)[]).find((r) => r.no === no);
}

function annulment(kind: RecordKind, no: number, reason: string): RecordChange {
  const patch = { annul: true };
  if (kind === 'discipline') return { op: 'correctDiscipline', no, patch, reason };
  if (kind === 'initiative') return { op: 'correctInitiative', no, patch, reason };
  return { op: 'correctAward', no, patch, reason };
}

/** The change the fields ask for, or what is wrong with one of them. */
function correction(
  ctx: CommandContext,
  kind: RecordKind,
  record: Discipline | Initiative | Award,
  changes: Map<string, string>,
  reason: string,
): RecordChange | { problem: HtmlPart } {
  const { t } = ctx;
  const decision: DecisionRef = { ...record.decision };
  const days: Record<string, string> = {};
  for (const key of ['ngay', 'tu', 'den']) {
    const text = changes.get(key);
    if (text === undefined) continue;
    // The decision's own day is never after today; a discipline's span (`tu`, `den`) runs ahead.
    if (key === 'ngay') {
      const day = decisionDay(ctx, text);
      if ('problem' in day) return day;
      days[key] = day.day;
      continue;
    }
    const day = readDay(text);
    if (!day) return { problem: t.records.badDay(quote(text)) };
    days[key] = day;
  }
  if (changes.has('so')) decision.number = changes.get('so') as string;
  if (days.ngay) decision.date = days.ngay;
  if (changes.has('coquan')) decision.body = changes.get('coquan') as string;
  if (changes.has('nguoiky')) decision.signer = changes.get('nguoiky') as string;
  const decisionChanged = ['so', 'ngay', 'coquan', 'nguoiky'].some((k) => changes.has(k));
  let year: number | undefined;
  if (changes.has('nam')) {
    year = readYear(changes.get('nam') as string);
    if (!year) return { problem: t.records.badYear(quote(changes.get('nam') as string)) };
  }

  if (kind === 'discipline') {
    const patch: DisciplinePatch = { ...(decisionChanged ? { decision } : {}) };
    if (changes.has('hinhthuc')) {
      const form = readForm(changes.get('hinhthuc') as string);
      if (!form)
        return { problem: t.records.discipline.unknownForm(quote(changes.get('hinhthuc') as string)) };
      patch.form = form;
    }
    if (days.tu) patch.from = days.tu;
    if (days.den) patch.until = days.den;
    if (changes.has('ghichu')) patch.note = changes.get('ghichu');
    return { op: 'correctDiscipline', no: record.no, patch, reason };
  }
  if (kind === 'initiative') {
    const patch: InitiativePatch = { ...(decisionChanged ? { decision } : {}), ...(year ? { year } : {}) };
    if (changes.has('ten')) patch.name = changes.get('ten');
    const entryText = changes.get('ma');
    if (entryText !== undefined) {
      const entry = looksLikeCode(entryText) ? ctx.store.entry(entryText) : undefined;
      const authors = (record as Initiative).authors;
      if (entry?.kind !== 'initiative' || !authors.includes(entry.memberId))
        return { problem: t.records.initiative.unknownEntry(quote(entryText)) };
      patch.entry = entry.code;
    }
    return { op: 'correctInitiative', no: record.no, patch, reason };
  }
  const patch: AwardPatch = { ...(decisionChanged ? { decision } : {}), ...(year ? { year } : {}) };
  if (changes.has('ten')) {
    const award = readAward(ctx.titles, changes.get('ten') as string);
    if (!award) return { problem: t.records.missing(t.records.fields.name) };
    Object.assign(patch, { kind: award.kind, name: award.name, titleId: award.titleId });
  }
  const people = (key: string): TitleSubject[] | { problem: HtmlPart } => {
    const text = changes.get(key);
    if (text === undefined) return [];
    const read = readSubjectList(ctx, text);
    if (read.unknown !== undefined) return { problem: t.records.unknownSubject(quote(read.unknown)) };
    return read.items.map((i) => subjectRef(i.subject));
  };
  const add = people('them');
  const remove = people('bo');
  if (!Array.isArray(add)) return add;
  if (!Array.isArray(remove)) return remove;
  if (add.length) patch.add = add.map((subject) => ({ subject }));
  if (remove.length) patch.remove = remove;
  return { op: 'correctAward', no: record.no, patch, reason };
}

/** The record, who it is about, its history, and how to correct it. */
function show(ctx: CommandContext, kind: RecordKind, record: Discipline | Initiative | Award): Reply {
  const { t, store } = ctx;
  const about =
    kind === 'discipline'
      ? subjectName(ctx, (record as Discipline).subject)
      : kind === 'initiative'
        ? (record as Initiative).authors.map((a) => store.member(a)?.fullName ?? a).join(', ')
        : (record as Award).recipients.map((r) => subjectName(ctx, r.subject)).join(', ');
  return say(
    t.records.correct.show(recordCode(kind, record.no)),
    recordLine(ctx, kind, record),
    about,
    '',
    ...historyLines(ctx, record.history),
    '',
    t.records.correct.howTo(t.records.correct.fieldsOf[kind]),
  );
}
