// The last unit opened in the Team manager, so that the app reopens where the user left it.
const KEY = 'co2.team-manager.unit';

export function rememberedUnitId(): string | undefined {
  const value = localStorage.getItem(KEY);
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}

export function rememberUnit(unitId: string): void {
  localStorage.setItem(KEY, unitId);
}
