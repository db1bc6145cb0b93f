// The Team manager of a principal: delegation end to end (a colleague added by e-mail signs in
// and sees only their own trips, then loses the unit when the access is taken back), the
// validation matrix against the API's reports, the import history following an import live,
// the CSV export of a sub-module, and the French interface.
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoViolations } from './support/accessibility';
import { setModuleStatus } from './support/demo-state';
import { saveScreenshot } from './support/screenshots';
import { DEMO, DEMO_PASSWORD, signIn } from './support/sign-in';

/** A demo account that signed in once and holds no role: the one a principal delegates to. */
const NEWCOMER = 'newcomer.l01@demo.example';

interface Api {
  headers: { authorization: string };
  get<T>(path: string, params?: Record<string, string | number>): Promise<T>;
}

/** The API as a demo user, for setting the state up and for the expected values. */
async function apiAs(request: APIRequestContext, email: string): Promise<Api> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  return {
    headers,
    async get<T>(path: string, params?: Record<string, string | number>) {
      const response = await request.get(`/api/v1${path}`, { headers, params });
      expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}

interface Session {
  roles: { role: string; scope: string }[];
}
interface User {
  id: string;
  email: string;
  roles: { role: string; unitId: string | null; source: string }[];
}

/** L01, the unit of the demo principal. */
async function principalUnitId(api: Api): Promise<string> {
  const session = await api.get<Session>('/session');
  const scope = session.roles.find((role) => role.role === 'principal')!.scope;
  return scope.slice('unit:'.length);
}

/** The newcomer holds no role, whatever an earlier test did. */
async function removeNewcomer(request: APIRequestContext, api: Api, unitId: string) {
  const { items } = await api.get<{ items: User[] }>('/users', { unitId, q: 'newcomer' });
  for (const user of items.filter((candidate) => candidate.email === NEWCOMER)) {
    const response = await request.put(`/api/v1/users/${user.id}/roles`, {
      headers: api.headers,
      data: { roles: [] },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }
}

test('a principal grants standard to a member, who then sees only their own trips, until the access is removed', async ({
  browser,
  page,
  request,
}) => {
  await setModuleStatus(request, DEMO.principal, 'L01', 2025, 'professional-travel', 'in_progress');
  const api = await apiAs(request, DEMO.principal);
  const unitId = await principalUnitId(api);
  await removeNewcomer(request, api, unitId);
  // What the principal sees: colleagues' trips (e.g. "Grace Meier 1").
  const plane = await api.get<{ items: { fields: { traveller: string } }[] }>(
    `/units/${unitId}/years/2025/modules/professional-travel/entries`,
    { subModule: 'plane', pageSize: 1000 },
  );
  const travellers = [...new Set(plane.items.map((entry) => entry.fields.traveller))];
  expect(travellers.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 860 });
  await signIn(page, DEMO.principal, '/team-manager/en');
  await expect(page).toHaveURL(`/team-manager/en/units/${unitId}/team`);
  await expect(page.getByTestId('unit-name')).toContainText('L01');
  const people = page.getByTestId('people');
  await expect(people.getByRole('row', { name: /member\.l01@demo\.example/ })).toBeVisible();

  // Delegation by e-mail.
  const form = page.getByTestId('add-member');
  await form.getByLabel('E-mail address of the person').fill(NEWCOMER);
  await form.getByRole('button', { name: 'Add a member' }).click();
  await expect(page.getByText('Newcomer to L01 is now a member of')).toBeVisible();
  const newcomerRow = people.getByRole('row', { name: /newcomer\.l01@demo\.example/ });
  await expect(newcomerRow).toContainText('Standard');
  await expect(newcomerRow).toContainText('added in the app');
  await expect(form.getByLabel('E-mail address of the person')).toHaveValue('');
  await expect(page.getByTestId('headcount-members').locator('tbody tr').first()).toBeVisible();
  await page.getByText('Newcomer to L01 is now a member of').waitFor({ state: 'hidden' });
  await saveScreenshot(page, 'team-manager-team');
  // Adding them twice is refused, and said so.
  await form.getByLabel('E-mail address of the person').fill(NEWCOMER);
  await form.getByRole('button', { name: 'Add a member' }).click();
  await expect(form.getByRole('alert')).toContainText('already holds a role');

  // The newcomer signs in to the Calculator: L01, their own trips only, no validation.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await signIn(newcomer, NEWCOMER);
  await expect(newcomer).toHaveURL(new RegExp(`/en/units/${unitId}/2025$`));
  await newcomer.getByTestId('module-card-professional-travel').getByRole('link').click();
  await expect(
    newcomer.getByRole('heading', { name: 'Professional travel', level: 1 }),
  ).toBeVisible();
  const ownPlane = newcomer.getByTestId('entries-plane');
  await expect(ownPlane).toContainText(/No rows/);
  await expect(ownPlane.locator('tbody tr')).toHaveCount(0);
  for (const traveller of travellers) await expect(ownPlane).not.toContainText(traveller);
  await expect(newcomer.getByRole('button', { name: 'Validate module' })).toHaveCount(0);

  // The principal takes the access back: only the delegated role offers it.
  await expect(
    people
      .getByRole('row', { name: /pi\.l01@demo\.example/ })
      .getByRole('button', { name: /Remove the access/ }),
  ).toHaveCount(0);
  await newcomerRow.getByRole('button', { name: 'Remove the access of Newcomer to L01' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByText('Newcomer to L01 no longer has access to the unit.')).toBeVisible();
  await expect(newcomerRow).toHaveCount(0);

  // The newcomer, after a reload, has no unit any more.
  await newcomer.reload();
  await expect(newcomer.getByRole('alert').or(newcomer.getByText(/no role/))).toBeVisible();
  await expect(newcomer.getByTestId('entries-plane')).toHaveCount(0);
  await expect(newcomer.getByTestId('workspace-unit')).toHaveCount(0);
  const session = await (await apiAs(request, NEWCOMER)).get<Session>('/session');
  expect(session.roles).toEqual([]);
  await newcomerContext.close();
});

test('the validation matrix shows every module of every year as the report gives it, in English and French', async ({
  page,
  request,
}) => {
  const api = await apiAs(request, DEMO.principal);
  const unitId = await principalUnitId(api);
  const years = (await api.get<{ items: { year: number }[] }>('/years')).items
    .map((item) => item.year)
    .sort((a, b) => b - a);
  const reports = await Promise.all(
    years.map((year) =>
      api.get<{ modules: { module: string; status: string }[] }>(
        `/units/${unitId}/years/${year}/report`,
      ),
    ),
  );
  const labels: Record<string, string> = {
    validated: 'Validated',
    in_progress: 'In progress',
    not_started: 'Not started',
  };

  await page.setViewportSize({ width: 1280, height: 860 });
  await signIn(page, DEMO.principal, '/team-manager/en');
  await page.getByRole('tab', { name: 'Validation' }).click();
  await expect(page).toHaveURL(`/team-manager/en/units/${unitId}/validation`);
  const matrix = page.getByTestId('validation-matrix');
  for (const [index, year] of years.entries()) {
    for (const line of reports[index]!.modules) {
      const cell = matrix.getByTestId(`cell-${year}-${line.module}`);
      await expect(cell).toHaveAttribute('data-status', line.status);
      await expect(cell.getByTestId('status')).toHaveText(labels[line.status]!);
    }
  }
  // Each cell opens the module's rows in the Calculator.
  await expect(matrix.getByTestId(`cell-${years[0]}-purchases`).getByRole('link')).toHaveAttribute(
    'href',
    `/en/units/${unitId}/${years[0]}/modules/purchases`,
  );
  await saveScreenshot(page, 'team-manager-validation');

  // The principal validates a module from its cell, and reopens it: the API's report follows.
  const started = reports[0]!.modules.find((line) => line.status !== 'not_started')!;
  const module = started.module;
  const cell = matrix.getByTestId(`cell-${years[0]}-${module}`);
  const flip = async (to: 'validated' | 'in_progress') => {
    await cell.getByTestId('status-action').click();
    await expect(cell).toHaveAttribute('data-status', to);
    await expect(cell.getByTestId('status')).toHaveText(labels[to]!);
    const report = await api.get<{ modules: { module: string; status: string }[] }>(
      `/units/${unitId}/years/${years[0]}/report`,
    );
    expect(report.modules.find((line) => line.module === module)!.status).toBe(to);
  };
  if (started.status === 'validated') {
    await expect(cell.getByTestId('status-action')).toHaveText('Reopen');
    await flip('in_progress');
    await flip('validated');
  } else {
    await expect(cell.getByTestId('status-action')).toHaveText('Validate');
    await flip('validated');
    await flip('in_progress');
  }

  // The same page in French.
  await page.goto(`/team-manager/fr/units/${unitId}/validation`);
  await expect(page.getByRole('heading', { name: 'Validation', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Équipe' })).toBeVisible();
  await expect(
    matrix.getByRole('rowheader', { name: 'Déplacements professionnels' }),
  ).toBeVisible();
  const frenchLabels: Record<string, string> = {
    validated: 'Validé',
    in_progress: 'En cours',
    not_started: 'Non commencé',
  };
  const travel = reports[0]!.modules.find((line) => line.module === 'professional-travel')!;
  await expect(
    matrix.getByTestId(`cell-${years[0]}-professional-travel`).getByTestId('status'),
  ).toHaveText(frenchLabels[travel.status]!);
  await expect(
    matrix.getByTestId(`cell-${years[0]}-professional-travel`).getByRole('link'),
  ).toHaveAttribute('href', `/fr/units/${unitId}/${years[0]}/modules/professional-travel`);
});

test('the import history follows a new import live, and shows its counts and rejected rows', async ({
  page,
  request,
}) => {
  await setModuleStatus(request, DEMO.principal, 'L01', 2025, 'professional-travel', 'in_progress');
  const api = await apiAs(request, DEMO.principal);
  const unitId = await principalUnitId(api);
  await signIn(page, DEMO.principal, '/team-manager/en');
  await page.getByRole('tab', { name: 'Imports' }).click();
  await expect(page.getByTestId('live')).toBeVisible();

  // An import started elsewhere (the API, as the Calculator does) appears by itself.
  const filename = `team-history-${Date.now()}.csv`;
  const csv = Buffer.from(
    [
      'origin,destination,traveller,date,trips,roundTrip',
      'GVA,LHR,History traveller,2025-03-03,1,yes',
      'NOWHERE,LHR,History traveller,2025-03-04,1,yes',
    ].join('\r\n'),
  );
  const ticket = await request.post('/api/v1/uploads', {
    headers: api.headers,
    data: { filename, size: csv.length, contentType: 'text/csv' },
  });
  expect(ticket.ok(), await ticket.text()).toBe(true);
  const { url, method, headers, key } = await ticket.json();
  const put = await request.fetch(url, { method, headers, data: csv });
  expect(put.ok()).toBe(true);
  const started = await request.post('/api/v1/imports', {
    headers: api.headers,
    data: {
      target: 'module-data-unit',
      unitId,
      year: 2025,
      subModule: 'plane',
      mode: 'append',
      uploadKey: key,
    },
  });
  expect(started.status(), await started.text()).toBe(202);

  const row = page.getByTestId('import-history').getByRole('row', { name: new RegExp(filename) });
  await expect(row).toContainText('Done, with warnings');
  await expect(row).toContainText('1 (1 rejected)');
  await expect(row).toContainText('You');
  await row.getByRole('button', { name: `Details of the import of ${filename}` }).click();
  const dialog = page.getByTestId('job-dialog');
  await expect(dialog.getByTestId('job-state')).toHaveText('Done, with warnings');
  await expect(dialog.locator('[data-count="skipped"] dd')).toHaveText('1');
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download the rejected rows' }).click(),
  ]);
  expect((await readFile(await report.path())).toString('utf8')).toContain('NOWHERE');
  const [source] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download the imported file' }).click(),
  ]);
  expect(source.suggestedFilename()).toBe(filename);

  // The state filter asks the server.
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-state').click();
  await page.getByRole('option', { name: 'Failed', exact: true }).click();
  await expect(row).toHaveCount(0);
});

test('a principal imports a file into the unit from the imports page, and follows it there', async ({
  page,
  request,
}) => {
  await setModuleStatus(request, DEMO.principal, 'L01', 2025, 'professional-travel', 'in_progress');
  await signIn(page, DEMO.principal, '/team-manager/en');
  await page.getByRole('tab', { name: 'Imports' }).click();
  const form = page.getByTestId('new-import');
  await form.getByText('Import a CSV file', { exact: true }).click();
  await expect(form.getByTestId('new-import-year')).toHaveValue('2025');
  await form.getByLabel('Data').click();
  await page.getByRole('option', { name: 'Plane', exact: true }).click();
  await form.getByRole('radio', { name: 'Keep them and add the rows of this file' }).click();
  const filename = `team-import-${Date.now()}.csv`;
  await form
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({
      name: filename,
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'origin,destination,traveller,date,trips,roundTrip',
          'GVA,CDG,Team importer,2025-05-05,1,yes',
        ].join('\r\n'),
      ),
    });
  await form.getByRole('button', { name: 'Upload and import' }).click();

  // Its details open at once and follow it; the history lists it.
  const dialog = page.getByTestId('job-dialog');
  await expect(dialog.getByTestId('job-state')).toHaveText(/^Done/);
  await expect(dialog.locator('[data-count="inserted"] dd')).toHaveText('1');
  await page.keyboard.press('Escape');
  const row = page.getByTestId('import-history').getByRole('row', { name: new RegExp(filename) });
  await expect(row).toContainText('Plane');
  await expect(row).toContainText('You');
});

test('an export downloads the rows of a sub-module as CSV, with the columns of its template', async ({
  page,
  request,
}) => {
  const api = await apiAs(request, DEMO.principal);
  const unitId = await principalUnitId(api);
  const template = await request.get('/api/v1/templates/plane.csv', { headers: api.headers });
  const templateHeader = (await template.text())
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => !line.startsWith('#'))!;
  const { total } = await api.get<{ total: number }>(
    `/units/${unitId}/years/2025/modules/professional-travel/entries`,
    { subModule: 'plane', pageSize: 1 },
  );

  await signIn(page, DEMO.principal, '/team-manager/en');
  await page.getByRole('tab', { name: 'Exports' }).click();
  await expect(page.getByTestId('year-select')).toHaveValue('2025');
  await expect(page.getByTestId('results-report').getByRole('link')).toHaveAttribute(
    'href',
    `/en/units/${unitId}/2025/results`,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Plane as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('co2-l01-2025-plane.csv');
  const lines = (await readFile(await download.path()))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(`${templateHeader},kgCo2eqCalculated,flags,source`);
  expect(lines).toHaveLength(total + 1);
});

test('someone who manages no unit is told what the Team manager is for', async ({ page }) => {
  await signIn(page, DEMO.member, '/team-manager/en');
  await expect(page.getByTestId('no-unit')).toContainText('you manage no unit');
  await expect(page.getByRole('link', { name: 'Open the CO₂ Calculator' })).toHaveAttribute(
    'href',
    '/en',
  );
});

test('every section has no WCAG A/AA violations and fits a 390 px phone', async ({ page }) => {
  await signIn(page, DEMO.principal, '/team-manager/en');
  const sections = [
    ['Team', page.getByText('member.l01@demo.example')],
    ['Validation', page.getByTestId('validation-matrix')],
    ['Imports', page.getByTestId('import-history')],
    ['Exports', page.getByTestId('export-headcount')],
  ] as const;
  for (const [tab, content] of sections) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(content).toBeVisible();
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [tab, content] of sections) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(content).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, tab).toBeLessThanOrEqual(0);
  }
});
