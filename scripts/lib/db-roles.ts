/**
 * SECURITY-CRITICAL. Two database roles, so that a compromised app cannot rewrite its own audit
 * trail:
 *  - the OWNER role owns every table and runs the migrations. It is not a superuser either.
 *  - the APP role is what the running app (web server, job worker, seed) connects as. It owns no
 *    table in `public`, is not a superuser and cannot become one, and holds only row privileges:
 *    SELECT/INSERT/UPDATE/DELETE on ordinary tables, and only SELECT/INSERT on AuditEvent and
 *    AuditSeal. Disabling a trigger (ALTER TABLE … DISABLE TRIGGER) needs ownership and
 *    `session_replication_role = replica` needs superuser, so the append-only triggers hold
 *    against it; UPDATE/DELETE/TRUNCATE on the audit tables are refused by privilege before any
 *    trigger runs.
 *
 * With the embedded PostgreSQL, Vetta creates both roles itself (ensureRoles/ensureDatabase, as
 * the cluster's superuser, whose password stays in .data/pg.json). With DATABASE_URL, the
 * operator creates them (README: "Database roles") and gives Vetta two URLs: DATABASE_URL (app
 * role) and DATABASE_MIGRATION_URL (owner role). grantRuntimePrivileges runs as the owner after
 * every migration, on every start, so a table added by a later migration is granted too (it also
 * sets default privileges for tables the owner creates later).
 *
 * The app role may CREATE schemas in the database: pg-boss installs its job tables in its own
 * `pgboss` schema on first start. It has no CREATE on `public` (PostgreSQL ≥ 15 default, owner:
 * pg_database_owner = the owner role), so it cannot replace or shadow Vetta's tables.
 */
import pg from "pg";
import { applyMigrations } from "./schema-engine";

export const OWNER_ROLE = "vetta_owner";
export const APP_ROLE = "vetta_app";
/** Tables the app may only append to and read. */
export const AUDIT_TABLES = ["AuditEvent", "AuditSeal"] as const;

export interface RolePasswords {
  owner: string;
  app: string;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** As the superuser: both roles exist, can sign in with these passwords, and hold no special power. */
export async function ensureRoles(adminUrl: string, passwords: RolePasswords): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const [role, password] of [
      [OWNER_ROLE, passwords.owner],
      [APP_ROLE, passwords.app],
    ] as const) {
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
      const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      // Two processes may create the role at once (test workers): the loser just updates it.
      if (found.rowCount === 0) await client.query(`CREATE ROLE ${ident(role)} ${attributes}`).catch(() => undefined);
      await client.query(`ALTER ROLE ${ident(role)} ${attributes}`);
    }
  });
}

/**
 * As the superuser: `database` exists and belongs to the owner role. A database made by an earlier
 * Vetta (everything owned by the superuser) is handed over: its tables, types and functions to the
 * owner, pg-boss's schema to the app role.
 */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(OWNER_ROLE)}`);
    else await client.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(OWNER_ROLE)}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), async (client) => {
    await client.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                   AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}'
                   AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a'))
        LOOP EXECUTE format('ALTER TABLE public.%I OWNER TO ${OWNER_ROLE}', r.relname); END LOOP;
        FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> '${OWNER_ROLE}'
        LOOP EXECUTE format('ALTER TYPE public.%I OWNER TO ${OWNER_ROLE}', r.typname); END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${OWNER_ROLE}'
        LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', r.fn); END LOOP;
        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
          EXECUTE 'ALTER SCHEMA pgboss OWNER TO ${APP_ROLE}';
          FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v', 'S')
                     AND pg_get_userbyid(c.relowner) <> '${APP_ROLE}'
                     AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a'))
          LOOP EXECUTE format('ALTER TABLE pgboss.%I OWNER TO ${APP_ROLE}', r.relname); END LOOP;
          FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'pgboss' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> '${APP_ROLE}'
          LOOP EXECUTE format('ALTER TYPE pgboss.%I OWNER TO ${APP_ROLE}', r.typname); END LOOP;
          FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'pgboss' AND pg_get_userbyid(p.proowner) <> '${APP_ROLE}'
          LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO ${APP_ROLE}', r.fn); END LOOP;
        END IF;
      END $$`);
  });
}

function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * As the owner, after migrations (idempotent; every start): the app role's privileges, and the
 * same for tables later migrations create. Refuses to go on when the "app" role is in fact the
 * owner, a superuser, or a member of the owner role, since the audit guarantees would not hold.
 */
export async function grantRuntimePrivileges(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owner: string; appsuper: boolean | null; member: boolean | null; db: string }>(
      `SELECT current_user AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS appsuper,
              pg_has_role($1, current_user, 'MEMBER') AS member, current_database() AS db`,
      [appRole],
    );
    const info = rows[0]!;
    if (info.appsuper === null) throw new Error(`The app role "${appRole}" does not exist.`);
    if (info.owner === appRole || info.appsuper || info.member) {
      throw new Error(`The app role "${appRole}" must not be the owner, a superuser or a member of the owner role "${info.owner}".`);
    }
    const app = ident(appRole);
    const auditTables = AUDIT_TABLES.map(ident).join(", ");
    // Only the database's owner may grant this; with DATABASE_URL the operator may have done it.
    await client.query(`GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${ident(info.db)} TO ${app}`).catch((error: Error) => {
      console.warn(`[vetta] could not grant CREATE on the database to ${appRole} (${error.message}); pg-boss needs it once, to make its schema.`);
    });
    await client.query(`
      GRANT USAGE ON SCHEMA public TO ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
      REVOKE ALL ON ${auditTables} FROM ${app}, PUBLIC;
      GRANT SELECT, INSERT ON ${auditTables} TO ${app};
      REVOKE ALL ON "_prisma_migrations" FROM ${app}, PUBLIC;
    `);
  });
}

/** Migrations as the owner, then the app role's grants (when the two URLs name different roles). */
export async function migrateAndGrant(ownerUrl: string, appUrl: string): Promise<{ applied: string[]; leastPrivilege: boolean }> {
  const result = await applyMigrations(ownerUrl);
  const appRole = userOf(appUrl);
  if (appRole === userOf(ownerUrl)) return { ...result, leastPrivilege: false };
  await grantRuntimePrivileges(ownerUrl, appRole);
  return { ...result, leastPrivilege: true };
}

/** The same server and database, signing in as another role. */
export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}
