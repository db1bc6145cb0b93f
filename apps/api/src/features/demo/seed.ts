import { randomUUID } from 'node:crypto';
import {
  calculateEntry,
  EMISSION_TYPES,
  entryTypeOf,
  MODULE_IDS,
  type RoleAssignment,
} from '@co2-calculator/domain';

import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { hashPassword } from '../auth/passwords.js';
import { localAccounts } from '../auth/table.js';
import { calculationContexts } from '../entries/calculation-context.js';
import { dataEntries, emissions } from '../entries/table.js';
import { factors } from '../factors/table.js';
import {
  airports,
  buildingRooms,
  exchangeRates,
  railwayStations,
  researchFacilities,
} from '../reference/table.js';
import { refreshAggregates } from '../reports/aggregates.js';
import { ensureReport } from '../reports/store.js';
import { reportModules } from '../reports/table.js';
import { units } from '../units/table.js';
import { roleAssignments, users } from '../users/table.js';
import { years } from '../years/table.js';
import { demoActivity } from './activity.js';
import { demoFactors } from './factor-set.js';
import { demoUnits } from './institution.js';
import { seededRandom } from './random.js';
import {
  DEMO_AIRPORTS,
  DEMO_EXCHANGE_RATES,
  DEMO_FACILITIES,
  DEMO_ROOMS,
  DEMO_STATIONS,
} from './reference-data.js';

/** Shared by every demo account; printed by `seed-demo`. Demo data only. */
export const DEMO_PASSWORD = 'demo-password-2025';
export const DEMO_YEARS = [2024, 2025] as const;

export interface DemoAccount {
  email: string;
  role: string;
}

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super(
      'The database already holds units: the demo institution is only seeded into an empty one.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

async function seedPeople(db: Database, labIds: Map<string, string>): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: { email: string; name: string; role: string; roles: RoleAssignment[] }[] = [
    {
      email: 'admin@demo.example',
      name: 'Demo Administrator',
      role: 'admin',
      roles: [{ role: 'admin' }],
    },
    {
      email: 'officer.sci@demo.example',
      name: 'Sciences Sustainability Officer',
      role: 'backoffice (School of Basic Sciences)',
      roles: [{ role: 'backoffice', unitId: labIds.get('SCI')! }],
    },
  ];
  for (const lab of ['L01', 'L02', 'L04', 'L07']) {
    const unitId = labIds.get(lab)!;
    accounts.push({
      email: `pi.${lab.toLowerCase()}@demo.example`,
      name: `Head of ${lab}`,
      role: `principal (${lab})`,
      roles: [{ role: 'principal', unitId }],
    });
    accounts.push({
      email: `member.${lab.toLowerCase()}@demo.example`,
      name: `Member of ${lab}`,
      role: `standard (${lab})`,
      roles: [{ role: 'standard', unitId }],
    });
  }
  // Someone who signed in once but holds no role yet: a principal can delegate to them.
  accounts.push({
    email: 'newcomer.l01@demo.example',
    name: 'Newcomer to L01',
    role: 'none (a principal of L01 can add them)',
    roles: [],
  });
  for (const account of accounts) {
    const id = randomUUID();
    await db.insert(users).values({ id, email: account.email, displayName: account.name });
    await db.insert(localAccounts).values({ userId: id, passwordHash });
    if (account.roles.length === 0) continue;
    await db.insert(roleAssignments).values(
      account.roles.map((assignment) => ({
        userId: id,
        role: assignment.role,
        unitId: assignment.role === 'admin' ? null : assignment.unitId,
        source: 'app' as const,
      })),
    );
  }
  return accounts.map(({ email, role }) => ({ email, role }));
}

/**
 * Seeds the demo institution into an empty database: its tree, people of every role, the
 * years 2024 and 2025 with a complete factor set, reference data, and a year of activity for
 * every lab, calculated by the real calculators. In 2024 most labs have validated everything;
 * in 2025 about a third have validated headcount and travel. Deterministic.
 */
export async function seedDemo(db: Database, changes: ChangeFeed): Promise<DemoAccount[]> {
  const [existing] = await db.select({ id: units.id }).from(units).limit(1);
  if (existing) throw new DatabaseNotEmptyError();

  const tree = demoUnits();
  const ids = new Map(tree.map((unit) => [unit.code, randomUUID()]));
  await db.insert(units).values(
    tree.map((unit) => ({
      ...unit,
      id: ids.get(unit.code)!,
      parentId: unit.parent ? ids.get(unit.parent)! : null,
    })),
  );
  await db.insert(years).values(
    DEMO_YEARS.map((year) => ({
      year,
      open: true,
      reductionGoals: [{ targetYear: 2030, referenceYear: 2024, percent: 50 }],
    })),
  );
  await db.insert(factors).values(DEMO_YEARS.flatMap((year) => demoFactors(year)));
  await db.insert(airports).values(DEMO_AIRPORTS);
  await db.insert(railwayStations).values(DEMO_STATIONS);
  await db.insert(buildingRooms).values(DEMO_ROOMS);
  await db.insert(exchangeRates).values(DEMO_EXCHANGE_RATES);
  await db.insert(researchFacilities).values(
    DEMO_YEARS.flatMap((year) =>
      DEMO_FACILITIES.map(({ unit, ...facility }) => ({
        ...facility,
        year,
        unitId: ids.get(unit)!,
      })),
    ),
  );
  const accounts = await seedPeople(db, ids);

  const random = seededRandom(2025);
  const labs = tree.filter((unit) => unit.level === 4);
  const platformCodes = new Set<string>(DEMO_FACILITIES.map((facility) => facility.unit));
  // Platforms first: a lab's share of a platform is computed from the platform's own report.
  const platformsFirst = [...labs].sort(
    (a, b) => Number(platformCodes.has(b.code)) - Number(platformCodes.has(a.code)),
  );
  let contexts = calculationContexts(db, changes);
  for (const [position, lab] of platformsFirst.entries()) {
    const index = labs.indexOf(lab);
    const isPlatform = platformCodes.has(lab.code);
    // Seeding announces nothing: read the platforms' reports afresh once they are written.
    if (position === platformCodes.size) contexts = calculationContexts(db, changes);
    for (const year of DEMO_YEARS) {
      const context = await contexts(year);
      const rows = demoActivity(
        lab.code,
        year,
        random,
        (year === 2025 ? 0.9 : 1) * (0.6 + random.next()),
        isPlatform ? [] : DEMO_FACILITIES,
      );
      await db.transaction(async (tx) => {
        const reportId = await ensureReport(tx, ids.get(lab.code)!, year);
        const entryRows: (typeof dataEntries.$inferInsert)[] = [];
        const emissionRows: (typeof emissions.$inferInsert)[] = [];
        for (const row of rows) {
          const type = entryTypeOf(row.subModule)!;
          const fields = type.fields.parse(row.fields);
          const result = calculateEntry(type, row.subModule, fields, null, context);
          const id = randomUUID();
          entryRows.push({
            id,
            reportId,
            unitId: ids.get(lab.code)!,
            year,
            module: row.module,
            subModule: row.subModule,
            entryType: type.id,
            fields: fields as Record<string, unknown>,
            source: row.module === 'headcount' ? 'backoffice-csv' : 'manual',
            kgCo2eq: result.emissions.reduce((sum, line) => sum + line.kgCo2eq, 0),
            flags: result.flags,
          });
          for (const line of result.emissions) {
            emissionRows.push({
              entryId: id,
              reportId,
              module: row.module,
              emissionType: line.emissionType,
              scope: EMISSION_TYPES[line.emissionType].scope,
              category: EMISSION_TYPES[line.emissionType].category,
              kgCo2eq: line.kgCo2eq,
              quantity: line.quantity?.value ?? null,
              quantityUnit: line.quantity?.unit ?? null,
              factorIds: line.factorIds,
            });
          }
        }
        await tx.insert(dataEntries).values(entryRows);
        if (emissionRows.length) await tx.insert(emissions).values(emissionRows);
        const modules = [...new Set(rows.map((row) => row.module))];
        const validated =
          year === 2024
            ? index % 5 === 4
              ? []
              : MODULE_IDS
            : index % 3 === 0
              ? (['headcount', 'professional-travel'] as const)
              : [];
        await tx.insert(reportModules).values(
          modules.map((module) => ({
            reportId,
            module,
            status: (validated as readonly string[]).includes(module)
              ? ('validated' as const)
              : ('in_progress' as const),
            validatedAt: (validated as readonly string[]).includes(module) ? new Date() : null,
          })),
        );
        // Modules a lab had nothing to report in are validated empty in a fully validated year.
        const empty = MODULE_IDS.filter(
          (module) =>
            !modules.includes(module) && (validated as readonly string[]).includes(module),
        );
        if (empty.length) {
          await tx
            .insert(reportModules)
            .values(empty.map((module) => ({ reportId, module, status: 'validated' as const })));
        }
        for (const module of MODULE_IDS) await refreshAggregates(tx, reportId, module);
      });
    }
  }
  return accounts;
}
