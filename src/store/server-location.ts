/** Apart from the PostgreSQL client, so a command can name a server without loading pg. */

/** The URL as the organizer may see it: never the password. */
export function shownLocation(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}
