// The tests share one server: a test that needs a module in a given state puts it there
// through the API first, rather than relying on what the tests before it did.
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './sign-in';

export async function setModuleStatus(
  request: APIRequestContext,
  email: string,
  unitCode: string,
  year: number,
  module: string,
  status: 'validated' | 'in_progress',
): Promise<void> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const units = await request.get('/api/v1/units', { headers, params: { q: unitCode, level: 4 } });
  const unit = ((await units.json()).items as { id: string; code: string }[]).find(
    (candidate) => candidate.code === unitCode,
  );
  expect(unit, `unit ${unitCode}`).toBeDefined();
  const response = await request.put(
    `/api/v1/units/${unit!.id}/years/${year}/modules/${module}/status`,
    { headers, data: { status } },
  );
  expect(response.status(), await response.text()).toBe(204);
}
