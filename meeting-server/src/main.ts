// Entry point: validate configuration, open the database, migrate, serve. Nothing else lives here.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openPglite, openPostgres, type Db } from './db/database';
import { migrate } from './db/migrate';
import { ensureDemo, ensureDemoStaff } from './demo';
import { PackageStorage } from './packages/storage';
import { createLiveKit } from './livekit/livekit';
import { ensureFirstAdmin } from './staff/service';
import { issueSetupLink } from './staff/setup';

/**
 * The app secret: APP_SECRET; else, on PostgreSQL, one stored in the database (so every instance
 * shares it; a DATA_DIR/app-secret from an older start becomes it); else DATA_DIR/app-secret.
 */
async function appSecret(config: Config, db: Db): Promise<string> {
  if (config.appSecret) return config.appSecret;
  const file = join(config.dataDir, 'app-secret');
  const fromFile = await readFile(file, 'utf8').then(
    (s) => s.trim() || undefined,
    () => undefined,
  );
  if (db.kind === 'postgres') {
    await db.query(
      "INSERT INTO app_secrets (name, value) VALUES ('app', $1) ON CONFLICT (name) DO NOTHING",
      [fromFile ?? randomBytes(32).toString('base64url')],
    );
    const [row] = await db.query<{ value: string }>(
      "SELECT value FROM app_secrets WHERE name = 'app'",
    );
    return row!.value;
  }
  if (fromFile) return fromFile;
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Package PDFs live in the database; an older version kept them in DATA_DIR/packages. Imports
 * those the database lacks (each checked against its SHA-256 name), so an upgrade loses none.
 * The folder is left as it was: once every instance has started, it may be deleted. Also drops
 * the chunks of an upload a crash interrupted (PGlite).
 */
async function preparePackageStorage(config: Config, db: Db): Promise<void> {
  const dir = join(config.dataDir, 'packages');
  const storage = new PackageStorage(db, { maxBytes: 0 });
  await storage.removeIncomplete();
  const { imported, mismatched } = await storage.adopt(dir);
  if (imported.length)
    console.log(
      `Tài liệu phiên họp: đã chuyển ${imported.length} tệp PDF từ ${dir} vào cơ sở dữ liệu / ` +
        `Session packages: moved ${imported.length} PDF files from ${dir} into the database`,
    );
  if (mismatched.length)
    console.warn(
      `Bỏ qua tệp có nội dung không khớp tên (SHA-256) / Skipped files whose content does not ` +
        `match their name (SHA-256) in ${dir}: ${mismatched.join(', ')}`,
    );
}

async function openDb(config: Config): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(join(config.dataDir, 'pglite'));
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  await mkdir(config.dataDir, { recursive: true });
  const db = await openDb(config);
  const applied = await migrate(db);
  if (applied.length)
    console.log(`Database (${db.kind}): applied migrations ${applied.join(', ')}`);
  const secret = await appSecret(config, db);
  await preparePackageStorage(config, db);
  if (config.adminEmail && config.adminPassword) {
    const admin = { email: config.adminEmail, password: config.adminPassword };
    if ((await ensureFirstAdmin(db, admin)) === 'created')
      console.log(`Tài khoản quản trị / Administrator account: ${config.adminEmail}`);
  }
  const livekit = createLiveKit(config.livekit);
  const app = createApp({
    db,
    livekit,
    secret,
    publicUrl: config.publicUrl,
    rateLimits: config.rateLimits,
  });
  const server = app.listen(config.port, config.host, () => {
    console.log(
      `Meeting server / Máy chủ họp: ${config.publicUrl} (database: ${db.kind}, LiveKit: ${config.livekit.url})`,
    );
  });
  if (config.demo) {
    const links = await ensureDemo(db, { secret, publicUrl: config.publicUrl, now: Date.now() });
    console.log('\nLiên kết mời demo / Demo invitation links:');
    for (const l of links) console.log(`  ${l.label}\n    ${l.url}`);
    const demoStaff = await ensureDemoStaff(db, secret);
    console.log(
      `\nTài khoản văn phòng demo / Demo secretariat account: ${demoStaff.email}  ` +
        `mật khẩu / password: ${demoStaff.password}`,
    );
  }
  const setup = await issueSetupLink(db, {
    secret,
    now: Date.now(),
    publicUrl: config.publicUrl,
  });
  if (setup) {
    console.log(
      '\nCài đặt lần đầu / First-run setup — mở liên kết này để tạo tài khoản quản trị ' +
        '(dùng một lần, hết hạn sau 24 giờ) / open this link to create the administrator ' +
        '(single use, expires in 24 hours):\n' +
        `  ${setup.url}`,
    );
  } else {
    console.log(`\nỨng dụng văn phòng / Staff app: ${config.publicUrl}/admin`);
  }
  console.log(`Trang công khai / Public page: ${config.publicUrl}/cong-khai`);
  const stop = () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('Máy chủ họp không khởi động được / The meeting server failed to start:', err);
  process.exit(1);
});
