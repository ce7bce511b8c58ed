// Pure rules of the runs page: which run button a business date allows, and a run's progress in
// percent (a cutoff reports 0/1 then 1/1; a settlement merchants done of those to settle).

export type DateStatus = 'open' | 'due' | 'cut_off' | 'settled';

/** Cutoff only once its time has passed and it is not cut off; settlement only after cutoff. */
export function runAllowed(kind: 'cutoff' | 'settlement', status: string): boolean {
  return kind === 'cutoff' ? status === 'due' : status === 'cut_off';
}

export function runPercent(run: { done: number; total: number; status: string }): number {
  if (run.status === 'completed') return 100;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.floor((run.done / run.total) * 100));
}
