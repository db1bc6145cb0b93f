// The Back office's reporting, users and roles, and audit log against the demo institution:
// a faculty's officer sees and exports their faculty's units only; an admin grants and takes
// back a role, and finds it, with the officer's sign-in, in the audit log.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type {
  Report,
  ReportingList,
  ReportingRow,
  UnitDetail,
  UnitList,
  User,
} from '../src/shared/api/types';
import { formatPercent, formatTonnes } from '../src/shared/format/numbers';
import { expectNoViolations } from './support/accessibility';
import { setModuleStatus } from './support/demo-state';
import { saveScreenshot } from './support/screenshots';
import { DEMO, DEMO_PASSWORD, signIn } from './support/sign-in';

const YEAR = 2025;

// Charts drawn at once, without their entry animation: screenshots show them whole.
test.use({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });

/** The API as one demo account, for setting up state and for the figures to compare with. */
async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  return {
    async get<T>(path: string, params?: Record<string, string | number>): Promise<T> {
      const response = await request.get(`/api/v1${path}`, { headers, params });
      expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
    async put<T>(path: string, data: unknown): Promise<T> {
      const response = await request.put(`/api/v1${path}`, { headers, data });
      expect(response.ok(), `PUT ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}
type Api = Awaited<ReturnType<typeof apiAs>>;

async function unitByCode(api: Api, code: string) {
  const { items } = await api.get<UnitList>('/units', { q: code, pageSize: 50 });
  const unit = items.find((candidate) => candidate.code === code);
  expect(unit, `unit ${code}`).toBeDefined();
  return unit!;
}

async function userByEmail(api: Api, email: string) {
  const { items } = await api.get<{ items: User[] }>('/users', { q: email });
  const user = items.find((candidate) => candidate.email === email);
  expect(user, `user ${email}`).toBeDefined();
  return user!;
}

/** Every unit of the reporting for these filters, as the admin sees it. */
async function reportingCodes(api: Api, filters: Record<string, string | number>) {
  const { items } = await api.get<ReportingList>('/reporting/units', {
    year: YEAR,
    level: 4,
    pageSize: 1000,
    ...filters,
  });
  return items;
}

/** The unit codes in the reporting table, in their order. */
async function shownCodes(page: Page): Promise<string[]> {
  return (await page.getByTestId('reporting-table').getByTestId('unit-code').allTextContents())
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The codes of a reporting CSV export (the first column, after the header). */
function csvCodes(text: string): string[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(header?.split(',')[0]).toBe('code');
  return lines.map((line) => line.split(',')[0]!);
}

/** member.l01 as the demo has them: standard in L01, granted in the app, and nothing else. */
async function resetMember(admin: Api) {
  const member = await userByEmail(admin, DEMO.member);
  const l01 = await unitByCode(admin, 'L01');
  await admin.put(`/users/${member.id}/roles`, { roles: [{ role: 'standard', unitId: l01.id }] });
  return member;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a back-office officer sees only their faculty’s units in reporting and exports them', async ({
  page,
  request,
}, testInfo) => {
  const admin = await apiAs(request, DEMO.admin);
  const sci = await unitByCode(admin, 'SCI');
  const physics = await unitByCode(admin, 'SCI-IPH');
  const sciUnits = await reportingCodes(admin, { affiliation: sci.id });
  const allUnits = await reportingCodes(admin, {});
  expect(sciUnits.length).toBeGreaterThan(0);
  expect(sciUnits.length).toBeLessThan(allUnits.length);

  await signIn(page, DEMO.officer, '/it-manager/en');
  // The officer's first (and only reporting) section; neither users nor audit is offered.
  await expect(page).toHaveURL(/\/it-manager\/en\/reporting/);
  const tabs = page.getByRole('tablist', { name: 'Back-office sections' });
  await expect(tabs.getByRole('tab', { name: 'Reporting' })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Users and roles' })).toHaveCount(0);
  await expect(tabs.getByRole('tab', { name: 'Audit log' })).toHaveCount(0);

  // Every unit of the faculty, and only those: the same as the admin's SCI subtree.
  const table = page.getByTestId('reporting-table');
  await expect(table.getByTestId('unit-code')).toHaveCount(sciUnits.length);
  const shown = await shownCodes(page);
  expect([...shown].sort()).toEqual(sciUnits.map((row) => row.code).sort());
  const notSci = allUnits.filter((row) => !sciUnits.some((s) => s.unitId === row.unitId));
  for (const row of notSci) expect(shown).not.toContain(row.code);
  // …and each of them lies under SCI in the tree.
  for (const row of sciUnits) {
    const unit = await admin.get<UnitDetail>(`/units/${row.unitId}`);
    expect(unit.ancestors.map((ancestor) => ancestor.id)).toContain(sci.id);
  }

  // Completion rates and charts describe the same units.
  await expect(page.getByTestId('summary-units').getByTestId('value')).toHaveText(
    String(sciUnits.length),
  );
  const validated = sciUnits.reduce((sum, row) => sum + row.validatedModules, 0);
  const enabled = sciUnits.reduce((sum, row) => sum + row.enabledModules, 0);
  await expect(page.getByTestId('summary-modules-validated').getByTestId('detail')).toHaveText(
    `${validated} of ${enabled} modules`,
  );
  await expect(page.getByTestId('chart-by-unit').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-per-fte').locator('canvas')).toHaveCount(1);
  const ranked = sciUnits.filter((row) => row.totalKgCo2eq > 0);
  await expect(
    page
      .getByRole('table', { name: 'Data of the chart “Total per unit (top 10)”' })
      .locator('tbody tr'),
  ).toHaveCount(Math.min(10, ranked.length));

  // A plain link to each lab's results in the Calculator.
  const first = sciUnits.find((row) => row.code === shown[0])!;
  await expect(
    page.getByRole('link', { name: `Results of ${first.code} in the Calculator` }),
  ).toHaveAttribute('href', `/en/units/${first.unitId}/${YEAR}/results`);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await saveScreenshot(page, 'back-office-reporting');

  // One institute: the filter goes to the URL, the table follows, a reload keeps both.
  await page.getByTestId('filter-affiliation').click();
  await page.keyboard.type('IPH');
  await page.getByRole('option', { name: /^SCI-IPH · / }).click();
  await expect(page).toHaveURL(new RegExp(`affiliation=${physics.id}`));
  const physicsUnits = await reportingCodes(admin, { affiliation: physics.id });
  await expect(table.getByTestId('unit-code')).toHaveCount(physicsUnits.length);
  // Sorted by total, largest first: the order is part of the URL and of the export.
  await table.getByRole('columnheader', { name: 'Total (t CO₂-eq)' }).click();
  await table.getByRole('columnheader', { name: 'Total (t CO₂-eq)' }).click();
  await expect(page).toHaveURL(/sort=-totalKgCo2eq/);
  await page.reload();
  // The test id is on the field's input; the chosen unit is shown beside it.
  await expect(
    page.locator('.q-field', { has: page.getByTestId('filter-affiliation') }),
  ).toContainText('SCI-IPH · Institute of Physics');
  await expect(table.getByTestId('unit-code')).toHaveCount(physicsUnits.length);
  const filtered = await shownCodes(page);
  expect([...filtered].sort()).toEqual(physicsUnits.map((row) => row.code).sort());
  const totals = filtered.map(
    (code) => physicsUnits.find((row) => row.code === code)!.totalKgCo2eq,
  );
  expect(totals).toEqual([...totals].sort((a, b) => b - a));

  // The CSV export holds exactly the units shown, in the same order.
  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export every unit matching the filters as CSV' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toBe(`reporting-${YEAR}.csv`);
  const csvFile = testInfo.outputPath('reporting.csv');
  await download.saveAs(csvFile);
  expect(csvCodes(readFileSync(csvFile, 'utf8'))).toEqual(filtered);

  // And so does the JSON export.
  downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Export every unit matching the filters as JSON' })
    .click();
  download = await downloading;
  expect(download.suggestedFilename()).toBe(`reporting-${YEAR}.json`);
  const jsonFile = testInfo.outputPath('reporting.json');
  await download.saveAs(jsonFile);
  const exported = JSON.parse(readFileSync(jsonFile, 'utf8')) as { items: ReportingRow[] };
  expect(exported.items.map((row) => row.code)).toEqual(filtered);

  // Their faculty as one row: the sums of its labs, and the change from the year before.
  await page.goto(`/it-manager/en/reporting?year=${YEAR}&level=2`);
  await expect(table.getByTestId('unit-code')).toHaveText(['SCI']);
  const [faculty] = await reportingCodes(admin, { affiliation: sci.id, level: 2 });
  expect(faculty!.labs).toBe(sciUnits.length);
  expect(faculty!.totalKgCo2eq).toBeCloseTo(
    sciUnits.reduce((sum, row) => sum + row.totalKgCo2eq, 0),
    3,
  );
  await expect(table.getByRole('columnheader', { name: 'Labs' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: `vs ${YEAR - 1}` })).toBeVisible();
  await expect(table.getByRole('row', { name: /SCI/ })).toContainText(String(sciUnits.length));

  // The officer may not open the admins' sections by their address either.
  await page.goto('/it-manager/en/users');
  await expect(page.getByText('Your roles give you no access to users and roles.')).toBeVisible();
  await page.goto('/it-manager/en/audit');
  await expect(page.getByText('Your roles give you no access to the audit log.')).toBeVisible();
});

test('a lab whose year is validated shows the change of its total from the year before', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const lab = await unitByCode(admin, 'L01');
  const { modules } = await admin.get<Report>(`/units/${lab.id}/years/${YEAR}/report`);
  const setAll = async (
    status: (line: Report['modules'][number]) => 'validated' | 'in_progress',
  ) => {
    for (const line of modules) {
      await setModuleStatus(request, DEMO.principal, 'L01', YEAR, line.module, status(line));
    }
  };
  try {
    await setAll(() => 'validated');
    const row = (await reportingCodes(admin, { q: 'L01' })).find((item) => item.code === 'L01')!;
    expect(row.status).toBe('validated');
    expect(row.previousYearKgCo2eq).toBeGreaterThan(0);
    const change = ((row.totalKgCo2eq - row.previousYearKgCo2eq!) / row.previousYearKgCo2eq!) * 100;

    await signIn(page, DEMO.admin, `/it-manager/en/reporting?year=${YEAR}&q=L01`);
    const table = page.getByTestId('reporting-table');
    await expect(table.getByRole('row', { name: /^L01 / })).toContainText(
      formatPercent(change, 'en'),
    );
  } finally {
    await setAll((line) => (line.status === 'validated' ? 'validated' : 'in_progress'));
  }
});

test('an admin grants a member a role in another lab and takes it back', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, DEMO.admin);
  const member = await resetMember(admin);
  const l02 = await unitByCode(admin, 'L02');
  try {
    await signIn(page, DEMO.admin, '/it-manager/en/users');
    await page.getByLabel('Search (name or e-mail)').fill('member.l01');
    await expect(page).toHaveURL(/q=member\.l01/);
    const table = page.getByTestId('users-table');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText(DEMO.member);
    await table.getByRole('button', { name: 'Roles of Member of L01' }).click();
    await expect(page).toHaveURL(new RegExp(`user=${member.id}`));

    const dialog = page.getByTestId('user-roles-dialog');
    const roles = dialog.getByTestId('user-role');
    await expect(roles).toHaveCount(1);
    await expect(roles.first()).toContainText('Member · L01');
    await expect(roles.first()).toContainText('Source: Granted in the app');

    // Standard ("Member") in L02, picked by searching the unit.
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: /^Member/ }).click();
    await dialog.getByRole('combobox', { name: 'Unit' }).fill('L02');
    await page.getByRole('option', { name: /^L02 · / }).click();
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await expect(roles).toHaveCount(2);
    await expect(dialog).toContainText(`Member · L02 · ${l02.nameEn}`);
    const granted = await admin.get<User>(`/users/${member.id}`);
    expect(granted.roles).toContainEqual({ role: 'standard', unitId: l02.id, source: 'app' });
    // The same role cannot be granted twice.
    await dialog.getByRole('combobox', { name: 'Unit' }).fill('L02');
    await page.getByRole('option', { name: /^L02 · / }).click();
    await expect(dialog.getByRole('button', { name: 'Grant' })).toBeDisabled();
    await expect(dialog).toContainText('This role is already granted in the app.');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await saveScreenshot(page, 'back-office-users');

    // Taken back, after a confirmation.
    await dialog.getByRole('button', { name: new RegExp(`Remove the role Member in L02`) }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Remove this role?' });
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(roles).toHaveCount(1);
    await expect(roles.first()).toContainText('Member · L01');
    const restored = await admin.get<User>(`/users/${member.id}`);
    expect(restored.roles).toEqual([
      { role: 'standard', unitId: expect.any(String), source: 'app' },
    ]);

    // Closing the dialog leaves the list, with the filter, in the URL.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(/user=/);
    await expect(page).toHaveURL(/q=member\.l01/);

    // Both changes are in the audit log, with before and after.
    await page.goto(`/it-manager/en/audit?action=roles.changed&targetId=${member.id}`);
    const records = page.getByTestId('audit-table').getByTestId('audit-action');
    await expect(records.first()).toHaveText('roles.changed');
    expect(await records.count()).toBeGreaterThanOrEqual(2);
    await page
      .getByRole('button', { name: /^Details of record/ })
      .nth(1)
      .click();
    const detail = page.getByTestId('audit-record-dialog');
    await expect(detail.getByTestId('role-changes')).toContainText(`Granted: Member · L02`);
    await expect(detail.getByTestId('record-after')).toContainText(l02.id);
    await expect(detail.getByTestId('record-before')).not.toContainText(l02.id);
  } finally {
    await resetMember(admin);
  }
});

test('the audit log shows these actions', async ({ page, request }, testInfo) => {
  // The actions to find: the officer signs in; the admin grants member.l01 a role and takes
  // it back (as in the test above, through the API here, so this test stands alone).
  await apiAs(request, DEMO.officer);
  const admin = await apiAs(request, DEMO.admin);
  const member = await resetMember(admin);
  const l01 = await unitByCode(admin, 'L01');
  const l02 = await unitByCode(admin, 'L02');
  await admin.put(`/users/${member.id}/roles`, {
    roles: [
      { role: 'standard', unitId: l01.id },
      { role: 'standard', unitId: l02.id },
    ],
  });
  await resetMember(admin);

  await signIn(page, DEMO.admin, '/it-manager/en/audit');
  const table = page.getByTestId('audit-table');
  const actions = table.getByTestId('audit-action');
  const actors = table.getByTestId('audit-actor');
  await expect(actions.first()).toBeVisible();
  // Newest first: the admin's own sign-in just now.
  await expect(actions.first()).toHaveText('auth.login');
  await expect(actors.first()).toHaveText(DEMO.admin);
  const everything = await table.locator('.q-table__bottom').textContent();

  // The chain check.
  await page.getByRole('button', { name: 'Check the chain' }).click();
  await expect(page.getByTestId('chain-result')).toContainText('The chain is intact');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await saveScreenshot(page, 'back-office-audit');

  // Narrowed to the officer, then to their sign-ins.
  await page.getByLabel('Actor (e-mail)').fill('officer.sci');
  await expect(page).toHaveURL(/actor=officer\.sci/);
  await expect(actors.first()).toHaveText(DEMO.officer);
  for (const actor of await actors.allTextContents()) expect(actor).toBe(DEMO.officer);
  await page.getByTestId('filter-action').click();
  await page.keyboard.type('auth.lo');
  await page.getByRole('option', { name: 'auth.login', exact: true }).click();
  await expect(page).toHaveURL(/action=auth\.login/);
  await expect(actions.first()).toHaveText('auth.login');
  for (const action of await actions.allTextContents()) expect(action).toBe('auth.login');
  for (const actor of await actors.allTextContents()) expect(actor).toBe(DEMO.officer);
  expect(await table.locator('.q-table__bottom').textContent()).not.toBe(everything);

  // The CSV export holds the records of these filters.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Export every record matching the filters as CSV' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('audit-log.csv');
  const file = testInfo.outputPath('audit-log.csv');
  await download.saveAs(file);
  const [header, ...lines] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(header).toMatch(/^id,occurredAt,actorLabel,action,outcome/);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain(`,${DEMO.officer},auth.login,`);

  // The role change: who, what, and before and after side by side.
  await page.goto('/it-manager/en/audit');
  await page.getByTestId('filter-action').click();
  await page.keyboard.type('roles.changed');
  await page.getByRole('option', { name: 'roles.changed', exact: true }).click();
  await expect(page).toHaveURL(/action=roles\.changed/);
  await expect(actions.first()).toHaveText('roles.changed');
  // The newest one took L02 back; the one before granted it.
  await page
    .getByRole('button', { name: /^Details of record/ })
    .first()
    .click();
  await expect(page).toHaveURL(/record=\d+/);
  const detail = page.getByTestId('audit-record-dialog');
  await expect(detail.getByTestId('fact-actor')).toHaveText(DEMO.admin);
  await expect(detail.getByTestId('fact-target')).toHaveText(`user ${member.id}`);
  await expect(detail.getByTestId('role-changes')).toContainText(
    `Revoked: Member · L02 · ${l02.nameEn}`,
  );
  await expect(detail.getByTestId('record-before')).toContainText(l02.id);
  await expect(detail.getByTestId('record-after')).toContainText(l01.id);
  await expect(detail.getByTestId('record-after')).not.toContainText(l02.id);
  // A reload reopens the same record: it is in the URL.
  await page.reload();
  await expect(detail.getByTestId('record-before')).toContainText(l02.id);
});

test('the reporting page in French', async ({ page, request }) => {
  const admin = await apiAs(request, DEMO.admin);
  const sci = await unitByCode(admin, 'SCI');
  const sciUnits = await reportingCodes(admin, { affiliation: sci.id });
  const total = sciUnits.reduce((sum, row) => sum + row.totalKgCo2eq, 0);

  await signIn(page, DEMO.officer, '/it-manager/fr/reporting', 'fr');
  await expect(page.getByRole('heading', { name: 'Rapports', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Rapports' })).toBeVisible();
  await expect(page.getByText('Niveau', { exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Modules validés' })).toBeVisible();
  await expect(page.getByTestId('summary-total').getByTestId('value')).toHaveText(
    `${formatTonnes(total, 'fr')} t CO₂-éq`,
  );
  await expect(page.getByTestId('summary-units').getByTestId('detail')).toContainText('en cours');
  await expect(page.getByRole('button', { name: /^Exporter en CSV/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Par ETP (les 10 premières)' })).toBeVisible();
});

test('on a phone the three pages fit the screen and pass the accessibility checks', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.admin, '/it-manager/en/reporting');
  for (const [path, ready] of [
    ['reporting', 'reporting-table'],
    ['users', 'users-table'],
    ['audit', 'audit-table'],
  ] as const) {
    await page.goto(`/it-manager/en/${path}`);
    await expect(page.getByTestId(ready).locator('.q-card').first()).toBeVisible();
    await noHorizontalScroll(page);
    await expectNoViolations(page);
  }
});
