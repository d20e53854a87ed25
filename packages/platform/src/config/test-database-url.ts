/**
 * TEST_DATABASE_URL for the database test harness. Lives in the config area because only the
 * config module reads process.env.
 */
export function testDatabaseUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const url = env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}
