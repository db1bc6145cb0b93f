// The last unit and year opened, so the Calculator reopens where the user left it.
const KEY = 'co2.workspace';

export interface WorkspaceChoice {
  unitId: string;
  year: number;
}

export function rememberedWorkspace(): WorkspaceChoice | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as WorkspaceChoice | null;
    return value && typeof value.unitId === 'string' && Number.isInteger(value.year)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function rememberWorkspace(choice: WorkspaceChoice): void {
  localStorage.setItem(KEY, JSON.stringify(choice));
}
