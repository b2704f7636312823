// What answers the commands: their modules, and what they ask of reports/ — about a quarter of the
// bot's code, and nothing a start needs before it polls. bot/app.ts imports this module dynamically
// as it is made, so the platforms poll while it loads; the first message waits for it
// (core/router.ts), the menus and the posts ask for it when they are set or due.
export { commands } from '../commands/index.js';
export { commandReports } from '../reports/for-commands.js';
