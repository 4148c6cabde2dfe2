/** Business days for payouts are Monday to Friday (no bank holiday calendar yet). */
const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** The day a file made at `now` asks its payouts to be executed: that UTC day, or the Monday after a weekend. */
export function requestedExecutionDateOf(now: Date): string {
  const day = new Date(`${isoDay(now)}T00:00:00Z`);
  while (isWeekend(day)) day.setUTCDate(day.getUTCDate() + 1);
  return isoDay(day);
}

/** `days` business days after `date` (YYYY-MM-DD). */
export function businessDaysAfter(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  for (let left = days; left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWeekend(day)) left -= 1;
  }
  return isoDay(day);
}

/** Business days a sent payout may take to show on the platform's statement before it is late. */
export const PAYOUT_DAYS_TO_STATEMENT = 2;

/** A payout ordered but not yet found paid, whose execution date + 2 business days is before `today`. */
export function isLate(payout: { readonly status: string; readonly requestedExecutionDate: string | null }, today: Date): boolean {
  if ((payout.status !== 'pending' && payout.status !== 'sent') || payout.requestedExecutionDate === null) return false;
  return businessDaysAfter(payout.requestedExecutionDate, PAYOUT_DAYS_TO_STATEMENT) < isoDay(today);
}
