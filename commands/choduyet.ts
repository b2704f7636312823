import { departmentName } from '../core/agency.js';
import { type Command, defineCommand, type Reply } from '../core/context.js';
import { joinHtml } from '../core/html.js';
import { formatDay } from '../core/periods.js';
import { preview } from '../core/text.js';
import { say } from './lib/common.js';
import { pendingEntries } from './lib/review.js';

const SHOWN = 10;

export const choduyet: Command = defineCommand({
  name: 'choduyet',
  access: 'council',
  usage: (t) => t.help.pending.usage,
  description: (t) => t.help.pending.description,
  async run({ t, store, agency }) {
    const pending = pendingEntries(store);
    if (pending.length === 0) return [say(t.review.listNone)];
    const items: Reply[] = pending.slice(0, SHOWN).map((entry) => {
      const member = store.member(entry.memberId);
      return {
        html: joinHtml([
          t.review.item(
            entry.code,
            t.kind[entry.kind],
            t.points(entry.points),
            member?.fullName ?? '?',
            departmentName(agency, entry.departmentId, t),
            formatDay(new Date(entry.at)),
            preview(entry.text, 300),
          ),
          entry.photo && t.review.photo(entry.photo.length),
        ]),
        choices: [
          { label: t.review.approveButton, command: `/duyet ${entry.code}` },
          { label: t.review.rejectButton, command: `/tuchoi ${entry.code}` },
        ],
      };
    });
    return [
      say(t.review.listTitle(pending.length), t.summary.modes[agency.review.mode]),
      ...items,
      ...(pending.length > SHOWN ? [say(t.review.listMore(pending.length - SHOWN))] : []),
    ];
  },
});
