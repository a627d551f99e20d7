// The secretariat's app as a newcomer meets it: a fresh data folder, the meeting server prints a
// one-time setup link, the officer creates the administrator in the browser, creates a council,
// imports its 25 delegates from the office's .xlsx (a bad row first refused), prepares a sitting,
// downloads the invitation letters (a delegate joins through a letter's QR code), prepares and
// publishes the sitting's package (a delegate's personal package link reads it), signs out and in
// again; the link does not work twice; a restart then prints the staff app link.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PackageManifest, SubscribeResponse, parsePackageLink } from '../shared/packages';
import { buildXlsx } from '../meeting-server/src/admin/member-import/testing';
import { openPdf, pageQrCodes, pageText } from '../meeting-server/src/pdf/testing';
import { expect, screenshot, stack, test } from './fixtures';
import { seriousViolations } from './meeting-helpers';

const PORT = Number(process.env.E2E_PORT ?? 18080) + 7;
const ADMIN = {
  name: 'Hoàng Thị Lan',
  email: 'lan.vanphong@xa-hoaan.example',
  password: 'Kỳ họp thứ nhất khai mạc lúc 8 giờ!',
};

/** The council's 25 delegates as the office's list holds them (the first three lead the sitting). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['Văn An', 'Thị Hoa', 'Văn Khánh', 'Thị Lan', 'Đức Minh', 'Thị Nga', 'Quang Phúc'];
const DELEGATES = [
  'Nguyễn Văn Bình',
  'Trần Thị Cúc',
  'Lê Văn Dũng',
  ...Array.from({ length: 22 }, (_, i) => `${FAMILY[i % 10]} ${GIVEN[i % 7]} ${i + 1}`),
];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The office's list as an .xlsx; `missingName` leaves that delegate's name cell empty. */
function delegateList(missingName?: string) {
  const rows = DELEGATES.map((name, i) => [
    i + 1,
    name === missingName ? null : name,
    `${String((i % 28) + 1).padStart(2, '0')}/05/19${70 + (i % 25)}`,
    i % 2 ? 'Tổ 2' : 'Tổ 1',
    'UBND xã Hòa An',
    `09123456${String(i).padStart(2, '0')}`,
  ]);
  const header = ['TT', 'Họ và tên', 'Ngày sinh', 'Tổ đại biểu', 'Đơn vị', 'Điện thoại/Email'];
  return {
    name: missingName ? 'danh-sach-dai-bieu.xlsx' : 'danh-sach-dai-bieu-da-sua.xlsx',
    mimeType: XLSX_TYPE,
    buffer: Buffer.from(buildXlsx([header, ...rows])),
  };
}

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/pdfs');
const corpusPdf = (file: string) => readFileSync(join(CORPUS, file));
/** The sitting's documents, as the office names the files, and the agenda item each goes under. */
const DOCS = [
  {
    name: 'Giấy mời kỳ họp thứ nhất.pdf',
    title: 'Giấy mời kỳ họp thứ nhất',
    item: '1. Khai mạc kỳ họp',
    buffer: corpusPdf('vi_giay_moi_hdnd_tuan_giao_signed.pdf'),
  },
  {
    name: 'Dự thảo nghị quyết ngân sách.pdf',
    title: 'Dự thảo nghị quyết ngân sách',
    item: '2. Dự thảo nghị quyết về ngân sách',
    buffer: corpusPdf('vi_335_2025_ND-CP_print.pdf'),
  },
  {
    name: 'Án lệ số 69-2023 (tham khảo).pdf',
    title: 'Án lệ số 69-2023 (tham khảo)',
    item: '3. Bầu Phó Chủ tịch HĐND',
    buffer: corpusPdf('vi_an_le_so_692023AL.pdf'),
  },
] as const;
const REVISED = {
  name: 'Dự thảo nghị quyết ngân sách (sửa).pdf',
  buffer: corpusPdf('vi_nd47_2020_vgca_signed.pdf'),
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Drops files on the package page's drop zone, as a file manager's drag and drop does. */
async function dropFiles(page: Page, files: readonly { name: string; buffer: Buffer }[]) {
  const data = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'application/pdf' }));
    }
    return dt;
  }, data);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(zone).toContainText('Thả tệp để tải lên');
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Reads the QR code an <img> shows (drawn on a canvas in the page, decoded here). */
async function decodeImageQr(page: Page, img: Locator): Promise<string | undefined> {
  const size = 400;
  const pixels = await img.evaluate((el: HTMLImageElement, n) => {
    const canvas = document.createElement('canvas');
    canvas.width = n;
    canvas.height = n;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, n, n);
    ctx.drawImage(el, 0, 0, n, n);
    return Array.from(ctx.getImageData(0, 0, n, n).data);
  }, size);
  return jsQR(new Uint8ClampedArray(pixels), size, size)?.data;
}

interface Started {
  process: ChildProcess;
  output: () => string;
}

/** Starts the real meeting server entry point (as `npm start` does) on `dataDir`. */
async function startServer(dataDir: string): Promise<Started> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'meeting-server/src/main.ts'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: String(PORT),
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      DATA_DIR: dataDir,
      DEMO: '0',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      DATABASE_URL: '',
      // The stack's livekit-server and its own key and secret (random per run).
      LIVEKIT_URL: stack().livekit.url,
      LIVEKIT_API_KEY: stack().livekit.apiKey,
      LIVEKIT_API_SECRET: stack().livekit.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await expect.poll(() => out, { timeout: 120_000 }).toMatch(/Ứng dụng văn phòng|Cài đặt lần đầu/);
  return { process: child, output: () => out };
}

async function stopServer(s: Started) {
  const exited = new Promise((r) => s.process.once('exit', r));
  s.process.kill('SIGTERM');
  await exited;
}

async function newPage(browser: Browser): Promise<Page> {
  // The server's CSP forbids inline scripts; axe-core is injected inline by the tests only.
  const context = await browser.newContext({
    bypassCSP: true,
    locale: 'vi-VN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return context.newPage();
}

test('a newcomer sets up the staff app from the printed link, creates a council, signs in again', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'hdnd-staff-e2e-'));
  let server = await startServer(dataDir);
  try {
    const setupUrl = /(http:\/\/\S+\/admin\/setup#t=\S+)/.exec(server.output())?.[1];
    expect(setupUrl, server.output()).toBeTruthy();
    expect(server.output()).not.toContain('Ứng dụng văn phòng');

    const page = await newPage(browser);
    await page.goto(setupUrl!);
    await expect(page.getByRole('heading', { name: 'Cài đặt lần đầu' })).toBeVisible();
    await expect(page.getByText(/Liên kết này dùng được đến/)).toBeVisible();
    await page.getByLabel('Họ và tên').fill(ADMIN.name);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('hoaan123');
    await expect(page.getByText('Độ mạnh mật khẩu: Rất yếu')).toBeVisible();
    await expect(page.getByText(/Cần ít nhất 12 ký tự \(hiện có 8\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tạo tài khoản quản trị' })).toBeDisabled();
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await expect(page.getByText(/Độ mạnh mật khẩu: (Mạnh|Rất mạnh)/)).toBeVisible();
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-setup');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();

    await expect(page.getByRole('status')).toHaveText(/Đã tạo tài khoản quản trị/);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByText(`Đang đăng nhập: ${ADMIN.name}`)).toBeVisible();
    await expect(page.getByText(/Chưa có Hội đồng nào/)).toBeVisible();

    await page.getByLabel('Tên Hội đồng').fill('HĐND xã Hòa An');
    await page.getByLabel('Cấp').selectOption('commune');
    await page.getByLabel('Số đại biểu được bầu').fill('25');
    await page.getByRole('button', { name: 'Tạo Hội đồng' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã tạo HĐND xã Hòa An.');
    const row = page.getByRole('listitem').filter({ hasText: 'HĐND xã Hòa An' });
    await expect(row).toContainText('Số đại biểu được bầu: 25');
    await row.getByRole('button', { name: /Sửa/ }).click();
    await page.getByLabel('Số đại biểu được bầu').first().fill('24');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'HĐND xã Hòa An' })).toContainText(
      'Số đại biểu được bầu: 24',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-councils');

    // The council's bodies, delegates, a sitting with its agenda, and the invitations.
    await page.getByRole('link', { name: 'HĐND xã Hòa An' }).click();
    await expect(page.getByRole('heading', { name: 'HĐND xã Hòa An' })).toBeVisible();
    // The office's list: a row without a name is reported and nothing can be confirmed.
    await page
      .getByLabel('Tệp danh sách (.xlsx, .csv)')
      .setInputFiles(delegateList('Vũ Thị Nga 6'));
    const preview = page.locator('.import-preview');
    await expect(preview).toContainText('25 dòng: 24 dòng hợp lệ, 1 dòng có lỗi.');
    await expect(preview.getByRole('row').filter({ hasText: 'Thiếu họ và tên' })).toHaveCount(1);
    await expect(preview.getByRole('row')).toHaveCount(26);
    await expect(page.getByText(/hãy sửa tệp rồi chọn lại/)).toBeVisible();
    const confirmImport = page.getByRole('button', { name: /Xác nhận nhập/ });
    await expect(confirmImport).toBeDisabled();
    await expect(page.getByRole('heading', { name: 'Đại biểu (0)' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-import');
    // The corrected file, chosen again, is saved whole.
    await page.getByLabel('Tệp danh sách (.xlsx, .csv)').setInputFiles(delegateList());
    await expect(preview).toContainText('25 dòng: 25 dòng hợp lệ, 0 dòng có lỗi.');
    await confirmImport.click();
    await expect(page.getByRole('status')).toHaveText('Đã nhập 25 đại biểu.');
    await expect(page.getByRole('heading', { name: 'Đại biểu (25)' })).toBeVisible();
    const cuc = page.getByRole('row').filter({ hasText: 'Trần Thị Cúc' });
    await expect(cuc).toContainText('02/05/1971');
    await expect(cuc).toContainText('UBND xã Hòa An');
    await expect(cuc).toContainText('0912345601');
    await page.getByLabel('Tên', { exact: true }).fill('HĐND xã Hòa An (toàn thể)');
    const bodyMembers = page.getByRole('group', { name: 'Thành viên' });
    for (const name of DELEGATES) await bodyMembers.getByLabel(name, { exact: true }).check();
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await expect(page.getByText('25 thành viên')).toBeVisible();

    await page.getByLabel('Tên cuộc họp').fill('Kỳ họp thứ nhất — phiên khai mạc');
    await page
      .getByLabel('Chương trình (mỗi dòng một nội dung)')
      .fill('Khai mạc kỳ họp\nBầu Phó Chủ tịch HĐND\nDự thảo nghị quyết về ngân sách');
    await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await expect(
      page.getByRole('heading', { name: 'Kỳ họp thứ nhất — phiên khai mạc' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Đưa nội dung 3 lên' }).click();
    await page.getByRole('button', { name: 'Lưu chương trình' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu chương trình.');
    await page.reload();
    await expect(page.getByLabel('Nội dung 2', { exact: true })).toHaveValue(
      'Dự thảo nghị quyết về ngân sách',
    );
    // The meeting's vote rules, in the law's words (issue #15); kept after a reload.
    const settings = page.getByRole('form', { name: 'Thiết lập cuộc họp' });
    await expect(settings.getByLabel(/Điều kiện thông qua nghị quyết/)).toHaveValue(
      'majority_of_all',
    );
    await settings
      .getByLabel('Điều kiện bãi nhiệm đại biểu')
      .selectOption({ label: 'Quá nửa tổng số đại biểu' });
    // A sitting's microphones belong to the chair unless the office frees them (issue #19).
    await expect(settings.getByLabel('Micrô của thành viên')).toHaveValue('chair');
    await settings
      .getByLabel('Micrô của thành viên')
      .selectOption({ label: 'Tự do: thành viên tự bật, tắt' });
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu.');
    await page.reload();
    await expect(page.getByLabel('Điều kiện bãi nhiệm đại biểu')).toHaveValue('majority_of_all');
    await expect(page.getByLabel('Điều kiện miễn nhiệm người giữ chức vụ')).toHaveValue(
      'majority_of_all',
    );
    await expect(page.getByLabel('Micrô của thành viên')).toHaveValue('free');

    await page.getByRole('button', { name: 'Tạo giấy mời cho mọi thành viên' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã tạo 25 giấy mời mới.');
    await page.getByLabel('Chủ tọa', { exact: true }).selectOption({ label: 'Nguyễn Văn Bình' });
    await page.getByRole('button', { name: 'Mời làm chủ tọa' }).click();
    await page.getByLabel('Thư ký (họ tên cán bộ)').fill('Vũ Văn Phòng');
    await page.getByRole('button', { name: 'Mời làm thư ký' }).click();
    await expect(page.getByRole('row')).toHaveCount(28);

    // The letters to print: a page per delegate, one for the chair and one for the secretary.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải giấy mời (PDF)' }).click(),
    ]);
    const pdf = await openPdf(new Uint8Array(await readFile((await download.path())!)));
    expect(pdf.numPages).toBe(27);
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, (_, i) => pageText(pdf, i + 1)),
    );
    for (const name of DELEGATES) {
      expect(pages.filter((p) => p.text.includes(`Ông/Bà ${name}`)).length, name).toBeGreaterThan(
        0,
      );
    }
    expect(pages.filter((p) => p.text.includes('Ông/Bà Vũ Văn Phòng'))).toHaveLength(1);
    const cucPage = pages.findIndex((p) => p.text.includes('Ông/Bà Trần Thị Cúc'));
    const [letterLink] = await pageQrCodes(pdf, cucPage + 1);
    expect(pages[cucPage]!.compact).toContain(letterLink);
    await pdf.destroy();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải danh sách liên kết (.csv)' }).click(),
    ]);
    expect(await readFile((await csv.path())!, 'utf8')).toContain(letterLink);
    await page.getByRole('button', { name: 'Thu hồi Lê Văn Dũng' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Lê Văn Dũng' })).toContainText(
      'Đã thu hồi',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-meeting');

    // The copied link is the one her letter's QR code holds; she joins through the letter.
    await page.getByRole('button', { name: 'Sao chép liên kết Trần Thị Cúc' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã sao chép liên kết của Trần Thị Cúc.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(letterLink);
    const delegate = await newPage(browser);
    await delegate.goto(letterLink!);
    await expect(delegate.getByText('Kỳ họp thứ nhất — phiên khai mạc').first()).toBeVisible();
    await delegate.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
    await expect(delegate.getByTestId('connection-state')).toHaveText('Đã kết nối');
    await delegate.context().close();

    // The sitting's package: three PDFs dropped and picked at once (a broken one refused with the
    // server's reason while the others go on), each under an agenda item, a new version of the
    // draft resolution with its reason, published; a delegate's personal link reads exactly that.
    await page.getByRole('link', { name: 'Gói tài liệu kỳ họp →' }).click();
    await expect(page.getByText(/Cuộc họp này chưa có gói tài liệu/)).toBeVisible();
    await page.getByRole('button', { name: 'Tạo gói tài liệu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã tạo gói tài liệu.');
    await expect(page.getByRole('heading', { name: 'Tài liệu trong gói (0)' })).toBeVisible();
    await dropFiles(page, [
      DOCS[0],
      { name: 'Biên bản (bản Word).pdf', buffer: Buffer.from('<html>Biên bản</html>') },
      DOCS[1],
    ]);
    await page
      .getByLabel('hoặc chọn tệp PDF (có thể chọn nhiều tệp)')
      .setInputFiles([{ ...DOCS[2], mimeType: 'application/pdf' }]);
    const queue = page.getByRole('region', { name: 'Các tệp đang tải lên' });
    await expect(page.getByText(/Đã tải lên 3\/4 tệp · 1 tệp bị từ chối · còn 0 tệp/)).toBeVisible({
      timeout: 90_000,
    });
    await expect(queue.getByRole('listitem').filter({ hasText: 'Biên bản' })).toContainText(
      'Bị từ chối: Tệp này không phải PDF. Hãy xuất văn bản ra PDF rồi tải lên lại.',
    );
    for (const d of DOCS) {
      await expect(queue.getByRole('listitem').filter({ hasText: d.name })).toContainText(
        'Đã tải lên',
      );
      await expect(
        queue.getByRole('progressbar', { name: `Tiến độ tải lên ${d.name}` }),
      ).toHaveJSProperty('value', 100);
    }
    await expect(page.getByRole('status')).toHaveText(/Đã tải lên 3 tệp; 1 tệp bị từ chối/);
    await expect(page.getByRole('heading', { name: 'Tài liệu trong gói (3)' })).toBeVisible();
    for (const d of DOCS) {
      await page.getByLabel(`Nội dung chương trình của ${d.title}`).selectOption({ label: d.item });
      await expect(page.getByRole('status')).toHaveText(
        'Đã lưu thứ tự và nội dung chương trình của tài liệu.',
      );
    }
    // The resolution's draft goes first, then a revised version of it with the reason.
    await page.getByRole('button', { name: `Đưa ${DOCS[1].title} lên` }).click();
    await page.getByRole('button', { name: `Tải phiên bản mới ${DOCS[1].title}` }).click();
    const revise = page.getByRole('form', { name: `Phiên bản mới của ${DOCS[1].title}` });
    await revise
      .getByLabel('Tệp PDF của phiên bản mới')
      .setInputFiles({ ...REVISED, mimeType: 'application/pdf' });
    await revise
      .getByLabel('Lý do sửa đổi')
      .fill('Sửa Điều 3 theo ý kiến thẩm tra của Ban Kinh tế – Ngân sách');
    await revise.getByRole('button', { name: 'Tải lên phiên bản mới' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Đã thêm phiên bản 2 của ${DOCS[1].title}. Đại biểu nhận bản mới; bản cũ vẫn xem lại được.`,
      { timeout: 60_000 },
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-package');
    await page.reload();
    const docRows = page.locator('table.documents tbody tr');
    await expect(docRows).toHaveCount(3);
    await expect(docRows.nth(0)).toContainText(DOCS[1].title);
    await expect(docRows.nth(0)).toContainText('Phiên bản 2');
    await expect(docRows.nth(0)).toContainText('Lý do sửa đổi: Sửa Điều 3');
    for (const d of DOCS) {
      await expect(
        page.getByLabel(`Nội dung chương trình của ${d.title}`).locator('option:checked'),
      ).toHaveText(d.item);
    }
    await page.getByRole('button', { name: 'Công bố gói tài liệu' }).click();
    await expect(page.getByRole('status')).toHaveText(/Đã công bố gói tài liệu/);
    await expect(page.getByText(/Đã công bố lúc/)).toBeVisible();

    // The package link, and the personal link a delegate's briefcase subscribes with.
    await page.getByRole('button', { name: 'Sao chép liên kết gói tài liệu' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã sao chép liên kết gói tài liệu.');
    const packageLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(packageLink).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${PORT}/p/[\\w-]+$`));
    await page.getByRole('button', { name: 'Sao chép liên kết cá nhân Trần Thị Cúc' }).click();
    const personal = parsePackageLink(await page.evaluate(() => navigator.clipboard.readText()))!;
    expect(`${personal.origin}/p/${personal.packageId}`).toBe(packageLink);
    const linkPage = await newPage(browser);
    await linkPage.goto(packageLink);
    await expect(
      linkPage.getByRole('heading', { name: 'Tài liệu Kỳ họp thứ nhất — phiên khai mạc' }),
    ).toBeVisible();
    await linkPage.context().close();
    const api = `${personal.origin}/api/packages/${personal.packageId}`;
    const { readerToken } = SubscribeResponse.parse(
      await (
        await fetch(`${api}/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ invitation: personal.invitation }),
        })
      ).json(),
    );
    const auth = { authorization: `Bearer ${readerToken}` };
    const seen = PackageManifest.parse(
      await (await fetch(`${api}/manifest`, { headers: auth })).json(),
    );
    const itemOf = new Map(seen.agenda.map((a) => [a.id, `${a.position}. ${a.title}`]));
    expect(
      seen.documents.map((d) => [
        d.title,
        itemOf.get(d.agendaItemId!),
        d.versions.map((v) => v.sha256),
      ]),
    ).toEqual([
      [DOCS[1].title, DOCS[1].item, [sha(DOCS[1].buffer), sha(REVISED.buffer)]],
      [DOCS[0].title, DOCS[0].item, [sha(DOCS[0].buffer)]],
      [DOCS[2].title, DOCS[2].item, [sha(DOCS[2].buffer)]],
    ]);
    // She downloads every current version (her briefcase does); the secretariat sees it.
    for (const d of seen.documents) {
      const file = await fetch(`${api}/${d.versions.at(-1)!.path}`, { headers: auth });
      expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(d.versions.at(-1)!.sha256);
    }
    await page.getByRole('button', { name: 'Cập nhật', exact: true }).click();
    const cucRow = page.locator('table.downloads tr').filter({ hasText: 'Trần Thị Cúc' });
    await expect(cucRow.locator('td').nth(2)).toHaveText('3/3');
    await expect(
      page.getByText(/^1\/\d+ đại biểu đã có đủ bản hiện hành của 3 tài liệu\.$/),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The QR sheet to print: its code holds the package link.
    await page.getByRole('link', { name: 'In mã QR của gói tài liệu' }).click();
    const qr = page.getByRole('img', { name: 'Mã QR của liên kết gói tài liệu' });
    await expect(qr).toBeVisible();
    await expect(page.getByText(packageLink, { exact: true })).toBeVisible();
    expect(await decodeImageQr(page, qr)).toBe(packageLink);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '← Trở lại gói tài liệu' }).click();
    await expect(page.getByRole('heading', { name: 'Tài liệu trong gói (3)' })).toBeVisible();

    await page.getByRole('link', { name: 'Hội đồng' }).click();

    // The link was single use.
    const again = await newPage(browser);
    await again.goto(setupUrl!);
    await expect(again.getByText(/Đã có tài khoản quản trị|không dùng được nữa/)).toBeVisible();

    // English, then sign out and back in.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { name: 'People’s Councils' })).toBeVisible();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập văn phòng' })).toBeVisible();
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu rồi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('status')).toHaveText(/Sai e-mail hoặc mật khẩu/);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.locator('strong', { hasText: 'HĐND xã Hòa An' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // An administrator adds the secretariat officer's account.
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByLabel('Họ và tên').fill('Vũ Văn Phòng');
    await page.getByLabel('E-mail').fill('phong@xa-hoaan.example');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Thư mời gửi trước 5 ngày!');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await expect(page.getByRole('status')).toHaveText(/Đã tạo tài khoản cho Vũ Văn Phòng/);
    await expect(
      page.getByRole('cell', { name: 'phong@xa-hoaan.example', exact: true }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // After a restart the server prints the staff app's link and the public page's, not a setup
    // link.
    await stopServer(server);
    server = await startServer(dataDir);
    const restarted = server;
    await expect
      .poll(() => restarted.output().split('\n'))
      .toEqual(
        expect.arrayContaining([
          `Ứng dụng văn phòng / Staff app: http://127.0.0.1:${PORT}/admin`,
          `Trang công khai / Public page: http://127.0.0.1:${PORT}/cong-khai`,
        ]),
      );
    expect(server.output()).not.toContain('/admin/setup#t=');
  } finally {
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
});
