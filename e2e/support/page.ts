import type { Page } from 'playwright-core';
import { adminEmail, adminPassword } from './server.ts';

/** Fills and submits the sign-in form on the current page (navigation is the caller's). */
export async function submitSignIn(page: Page, email = adminEmail, password = adminPassword): Promise<void> {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** A JSON call with the page's session and CSRF token, as another tab of the same user would make it. */
export function apiCall(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        // No content type without a body: the server refuses an empty JSON body (a DELETE, a bodiless POST).
        headers:
          body === undefined
            ? { 'x-csrf-token': me.csrfToken }
            : { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: response.status === 204 ? null : ((await response.json()) as unknown) };
    },
    { method, path, body },
  );
}

/** Where a sign-in lands: the home page of the user's role cards. */
export const atHome = (url: URL): boolean => url.pathname === '/';

/**
 * Waits until the open dialog has finished its opening animation. A dialog moves focus into itself when the animation
 * ends; a select opened before that loses focus and closes, and a click on its option then chooses nothing.
 */
export async function dialogSettled(page: Page): Promise<void> {
  await page.locator('.ant-modal:visible').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const dialogs = Array.from(document.querySelectorAll('.ant-modal-wrap, .ant-modal-mask, .ant-modal'));
    return dialogs.every((d) => d.getAnimations({ subtree: false }).length === 0);
  });
}
