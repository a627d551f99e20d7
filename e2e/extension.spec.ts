// The built extension loads in Chromium and its Preact pages render.
import { expect, extensionId, launchWithExtension, test } from './fixtures';

test('the briefcase page of the built extension renders its Preact content', async () => {
  const context = await launchWithExtension();
  try {
    const id = await extensionId(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/briefcase.html`);
    await expect(page.getByRole('heading', { name: 'Cặp tài liệu HĐND' })).toBeVisible();
    await expect(page.getByTestId('briefcase-empty')).toContainText('Chưa có tài liệu');
  } finally {
    await context.close();
  }
});
