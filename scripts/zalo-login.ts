/**
 * `npm run zalo:login`: logs the bot's Zalo account in by QR code and saves the session (cookie, imei,
 * user agent) to ZALO_CREDENTIALS_FILE, mode 600, for the bot to log in with. Prints no secret.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type API, type Credentials, LoginQRCallbackEventType, Zalo } from 'zca-js';
import { envSchema } from '../bot/config.js';
import { writeCredentials } from '../bot/zalo/zca.js';

/** Git-ignored (zalo-qr*.png). */
const QR_FILE = 'zalo-qr.png';
/** Groups listed after the login, to find ZALO_GROUP_ID. */
const GROUPS_SHOWN = 50;

const text = {
  vi: {
    qr: (path: string) =>
      `Mở ảnh ${path} và quét bằng ứng dụng Zalo của tài khoản dành riêng cho bot (Zalo → biểu tượng QR). Mã hết hạn sau khoảng 100 giây.`,
    expired: 'Mã QR đã hết hạn; đang tạo mã mới…',
    scanned: (name: string) => `Đã quét bởi “${name}”. Hãy bấm xác nhận đăng nhập trên điện thoại.`,
    declined: 'Đăng nhập đã bị từ chối trên điện thoại.',
    saved: (path: string) => `Đã lưu phiên đăng nhập vào ${path} (chỉ chủ tệp đọc được; không đưa lên git).`,
    groups: 'Các nhóm của tài khoản này (đặt ZALO_GROUP_ID bằng mã nhóm của cơ quan):',
    noGroups: 'Tài khoản chưa ở nhóm nào: thêm nó vào nhóm chung của cơ quan rồi chạy lại để xem mã nhóm.',
    failed: 'Đăng nhập Zalo không thành công:',
  },
  en: {
    qr: (path: string) =>
      `Open ${path} and scan it with the Zalo app of the account set aside for the bot (Zalo → QR icon). The code expires in about 100 seconds.`,
    expired: 'The QR code expired; making a new one…',
    scanned: (name: string) => `Scanned by “${name}”. Confirm the login on the phone.`,
    declined: 'The login was declined on the phone.',
    saved: (path: string) => `Saved the session to ${path} (readable by its owner only; keep it out of git).`,
    groups: "The account's groups (set ZALO_GROUP_ID to the agency group's id):",
    noGroups:
      "The account is in no group yet: add it to the agency's group, then run this again to see its id.",
    failed: 'The Zalo login failed:',
  },
};

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Lists the account's groups (id and name), to help set ZALO_GROUP_ID. */
async function showGroups(api: API, t: (typeof text)['vi']): Promise<void> {
  const ids = Object.keys((await api.getAllGroups()).gridVerMap).slice(0, GROUPS_SHOWN);
  if (ids.length === 0) {
    say(t.noGroups);
    return;
  }
  const info = await api.getGroupInfo(ids);
  say(t.groups);
  for (const id of ids) say(`  ${id}  ${info.gridInfoMap[id]?.name ?? ''}`);
}

async function main(): Promise<void> {
  // The same variables as the bot reads (.env, then the environment), with the same defaults.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const file = resolve(envSchema.shape.ZALO_CREDENTIALS_FILE.parse(process.env.ZALO_CREDENTIALS_FILE));
  const t = text[envSchema.shape.BOT_LOCALE.parse(process.env.BOT_LOCALE)];
  const qrPath = resolve(QR_FILE);

  let credentials: Credentials | undefined;
  const zalo = new Zalo({ selfListen: false, checkUpdate: false, logging: false });
  try {
    const api = await zalo.loginQR({ qrPath }, (event) => {
      switch (event.type) {
        case LoginQRCallbackEventType.QRCodeGenerated:
          event.actions.saveToFile(qrPath).then(
            () => say(t.qr(qrPath)),
            (error: unknown) => {
              say(`${t.failed} ${(error as Error).message}`);
              event.actions.abort();
            },
          );
          break;
        case LoginQRCallbackEventType.QRCodeExpired:
          say(t.expired);
          event.actions.retry();
          break;
        case LoginQRCallbackEventType.QRCodeScanned:
          say(t.scanned(event.data.display_name));
          break;
        case LoginQRCallbackEventType.QRCodeDeclined:
          say(t.declined);
          event.actions.abort();
          break;
        case LoginQRCallbackEventType.GotLoginInfo:
          credentials = { ...event.data, language: 'vi' };
          break;
      }
    });
    // Saved only now that zca-js has logged in with them.
    if (!credentials) throw new Error('zca-js gave no session');
    await writeCredentials(file, credentials);
    say(t.saved(file));
    await showGroups(api, t).catch((error: unknown) => say(`(${(error as Error).message})`));
  } finally {
    await rm(qrPath, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${text.vi.failed} / ${text.en.failed} ${(error as Error).message}\n`);
    process.exit(1);
  },
);
