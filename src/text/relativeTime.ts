// When something happened, as a list of recent things says it: "just now", "5 min ago",
// "2 h ago", "3 d ago", then the date (older than a week, or in the future: a clock set back).
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function timeAgo(iso: string, now: Date = new Date()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const ago = now.getTime() - then;
  if (ago < -MINUTE || ago >= 7 * DAY) return new Date(then).toISOString().slice(0, 10);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  return `${Math.floor(ago / DAY)} d ago`;
}
