/**
 * Child of register-http.ts: the production build served by the app's own HTTP server
 * (scripts/server.ts, as `npm start` serves it), without the launcher's migrations, seeding, job
 * worker or build check: the bench prepared the database itself and must not start a build.
 */
import { startHttpServer } from "../server";

const server = await startHttpServer({ dir: process.cwd(), port: Number(process.env.PORT), hostname: "127.0.0.1" });
console.log("BENCH SERVER LISTENING");
process.on("SIGTERM", () => {
  server.close();
  process.exit(0);
});
