/** A month's first day (YYYY-MM-01). */
export const firstDay = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
/** A month's last day. */
export const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
