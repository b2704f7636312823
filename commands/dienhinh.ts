import { departmentName } from '../core/agency.js';
import { looksLikeCode } from '../core/codes.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import { MODEL_STAGES, type ModelExample } from '../core/domain.js';
import { modelSubject } from '../core/figures.js';
import type { Html } from '../core/html.js';
import { formatDay } from '../core/periods.js';
import { preview } from '../core/text.js';
import { findDepartment, refuse, say } from './lib/common.js';

const MAX_TEXT = 500;

/** How a model example's subject reads in a reply. */
export function describeSubject(
  ctx: Pick<CommandContext, 't' | 'store' | 'agency'>,
  model: ModelExample,
): Html {
  const { t, store, agency } = ctx;
  const subject = model.subject;
  switch (subject.kind) {
    case 'entry': {
      const entry = store.entry(subject.code);
      const name = store.member(entry?.memberId ?? '')?.fullName ?? '?';
      return t.models.subjectEntry(subject.code, name, preview(entry?.text ?? '', 80));
    }
    case 'member': {
      const member = store.member(subject.memberId);
      return t.models.subjectMember(
        member?.fullName ?? subject.memberId,
        departmentName(agency, member?.departmentId ?? '?', t),
      );
    }
    case 'department':
      return t.models.subjectDepartment(departmentName(agency, subject.departmentId, t));
  }
}

function list(ctx: CommandContext): Reply[] {
  const { t, store } = ctx;
  if (store.models.length === 0) return [say(t.models.listTitle, t.models.none)];
  const lines = MODEL_STAGES.flatMap((stage) => {
    const own = store.models.filter((m) => m.stage === stage);
    if (own.length === 0) return [];
    return [
      '',
      t.models.stageHeader(t.models.stages[stage], own.length),
      ...own.map((m) =>
        t.models.line(
          m.no,
          describeSubject(ctx, m),
          preview(m.reason, 120),
          formatDay(new Date(m.stages.at(-1)?.at ?? '')),
        ),
      ),
    ];
  });
  return [say(t.models.listTitle, ...lines)];
}

async function advance(ctx: CommandContext, no: number, note: string): Promise<Reply[]> {
  const { t, store } = ctx;
  if (!ctx.isCouncil && !ctx.isAdmin) return [say(t.models.councilAdvances)];
  const model = store.model(no);
  if (!model) return refuse(ctx, dienhinh, t.models.unknownModel(no));
  const next = MODEL_STAGES[MODEL_STAGES.indexOf(model.stage) + 1];
  if (!next) return [say(t.models.lastStage(no))];
  // Nobody moves a model example about themselves, their own entry or their own department.
  const me = ctx.member;
  const about = modelSubject(store, model);
  if (
    me &&
    (about.memberId === me.id ||
      about.entry?.reporterId === me.id ||
      (model.subject.kind === 'department' && model.subject.departmentId === me.departmentId))
  ) {
    return [say(t.models.ownSubject(no))];
  }
  if (!note) return refuse(ctx, dienhinh, t.models.missingNote(no));
  if (Array.from(note).length > MAX_TEXT) return refuse(ctx, dienhinh, t.models.tooLong(MAX_TEXT));
  const by = ctx.member?.id ?? ctx.caller.identity;
  const at = ctx.now.toISOString();
  const saved = await store.saveModel(
    {
      ...model,
      stage: next,
      stages: [...model.stages, { stage: next, at, by, note }],
      history: [
        ...model.history,
        {
          at,
          action: 'advanced',
          by,
          platform: ctx.platform,
          note: `${next}: ${note}`,
          source: ctx.messageKey,
        },
      ],
    },
    ctx.actor,
  );
  return [say(t.models.advanced(no, describeSubject(ctx, saved), t.models.stages[next]))];
}

async function propose(
  ctx: CommandContext,
  subject: ModelExample['subject'],
  reason: string,
): Promise<Reply[]> {
  const { t, store } = ctx;
  if (Array.from(reason).length > MAX_TEXT) return refuse(ctx, dienhinh, t.models.tooLong(MAX_TEXT));
  const same = store.models.find((m) => JSON.stringify(m.subject) === JSON.stringify(subject));
  if (same) return [say(t.models.duplicate(same.no))];
  const by = ctx.member?.id ?? ctx.caller.identity;
  const at = ctx.now.toISOString();
  const model = await store.saveModel(
    {
      no: store.nextModelNo,
      subject,
      reason,
      stage: 'discover',
      stages: [{ stage: 'discover', at, by, note: reason }],
      history: [{ at, action: 'proposed', by, platform: ctx.platform, note: reason, source: ctx.messageKey }],
    },
    ctx.actor,
  );
  return [say(t.models.proposed(model.no, describeSubject(ctx, model)))];
}

/**
 * Model examples (điển hình tiên tiến): `/dienhinh` lists them by stage; `/dienhinh MÃ [lý do]`,
 * `/dienhinh @người lý do` or `/dienhinh phòng lý do` proposes one at the discover stage;
 * `/dienhinh SỐ tiep ghi chú` moves one to its next stage (Council).
 */
export const dienhinh: Command = defineCommand({
  name: 'dienhinh',
  access: 'registeredOrAdmin',
  writes: true,
  usage: (t) => t.help.models.usage,
  description: (t) => t.help.models.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const args = ctx.args.trim();
    if (!args) return list(ctx);

    const step = /^(\d{1,6})\s+tiep\b\s*([\s\S]*)$/i.exec(args);
    if (step) return advance(ctx, Number(step[1]), (step[2] ?? '').trim());

    const [first = '', ...rest] = args.split(/\s+/);
    if (looksLikeCode(first)) {
      const entry = store.entry(first);
      if (!entry) return refuse(ctx, dienhinh, t.withdraw.unknownCode(first));
      return propose(
        ctx,
        { kind: 'entry', code: entry.code },
        rest.join(' ').trim() || preview(entry.text, 200),
      );
    }

    const mention = ctx.mentions.find((m) => m.offset === 0);
    if (mention) {
      const member =
        (mention.identity && store.memberByIdentity(mention.identity)) ||
        (mention.username && store.memberByUsername(mention.username)) ||
        undefined;
      if (!member) return refuse(ctx, dienhinh, t.entry.mentionNotRegistered(mention.label));
      const reason = args.slice(mention.label.length).trim();
      if (!reason) return refuse(ctx, dienhinh, t.models.missingReason);
      return propose(ctx, { kind: 'member', memberId: member.id }, reason);
    }

    // A department: the longest run of leading words that names one; the rest is the reason.
    const tokens = args.split(/\s+/);
    for (let n = Math.min(tokens.length, 8); n >= 1; n -= 1) {
      const department = findDepartment(agency, tokens.slice(0, n).join(' '));
      if (department && !/^\d+$/.test(tokens[0] ?? '')) {
        const reason = tokens.slice(n).join(' ').trim();
        if (!reason) return refuse(ctx, dienhinh, t.models.missingReason);
        return propose(ctx, { kind: 'department', departmentId: department.id }, reason);
      }
    }
    return refuse(ctx, dienhinh, t.models.unknownSubject(preview(args, 60)));
  },
});
