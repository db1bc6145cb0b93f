// GET /system/status read every few seconds while the page is open and the tab visible; the
// last good answer stays on screen when one read fails, with the failure said beside it.
import { onMounted, onScopeDispose, ref, shallowRef } from 'vue';
import { http } from '../../shared/api/http';
import type { SystemStatus } from '../../shared/api/types';

export type { SystemStatus };

export const REFRESH_MS = 5_000;

export function useSystemStatus() {
  const status = shallowRef<SystemStatus>();
  const error = shallowRef<unknown>();
  const loading = ref(false);
  const readAt = ref<Date>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function refresh(): Promise<void> {
    clearTimeout(timer);
    loading.value = true;
    try {
      status.value = (await http.get<SystemStatus>('/system/status')).data;
      readAt.value = new Date();
      error.value = undefined;
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
      schedule();
    }
  }

  /** The next read; none while the tab is hidden (it resumes when the tab is shown). */
  function schedule(): void {
    clearTimeout(timer);
    if (!stopped && document.visibilityState === 'visible') {
      timer = setTimeout(() => void refresh(), REFRESH_MS);
    }
  }

  function onVisibility(): void {
    if (document.visibilityState === 'visible') void refresh();
    else clearTimeout(timer);
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    void refresh();
  });
  onScopeDispose(() => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  return { status, error, loading, readAt, refresh };
}
