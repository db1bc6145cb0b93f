// A job in words: "Import of factor sets", "Recalculation", "Totals", with what it was about
// (year, sub-module), the same in the console, the factor page and the system page.
import { useI18n } from 'vue-i18n';
import type { Job } from '../../shared/api/types';

export function useJobLabels() {
  const { t, te } = useI18n();

  function targetLabel(target: string): string {
    return te(`imports.targets.${target}`) ? t(`imports.targets.${target}`) : target;
  }

  function kindLabel(job: Pick<Job, 'kind' | 'target'>): string {
    if (job.kind === 'import' && job.target) {
      return t('imports.importOf', { what: targetLabel(job.target) });
    }
    return t(`imports.kinds.${job.kind}`);
  }

  /** Year and sub-module (or module), as far as the job has them. */
  function scopeLabel(job: Pick<Job, 'year' | 'module' | 'subModule'>): string {
    const parts: string[] = [];
    if (job.year !== null) parts.push(String(job.year));
    if (job.subModule) parts.push(t(`subModules.${job.subModule}`));
    else if (job.module) parts.push(t(`modules.${job.module}`));
    return parts.join(' · ');
  }

  return { targetLabel, kindLabel, scopeLabel };
}
