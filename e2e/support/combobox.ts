import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Chooses an option of an async combobox (components/ui/async-combobox.tsx): types some words,
 * waits for the server's matches, and clicks the one named.
 */
export async function chooseOption(scope: Page | Locator, name: string, typed: string, option: string) {
  const input = scope.getByRole("combobox", { name, exact: true });
  await input.fill(typed);
  await scope.getByRole("option", { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}
