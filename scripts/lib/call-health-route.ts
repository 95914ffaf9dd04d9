// Calls the health route handler in this process and prints "<status> <body>": the health test
// runs it in a child process pointed at a database that is not there.
const { GET } = await import("../../app/api/health/route");
const response = await GET();
process.stdout.write(`${response.status} ${JSON.stringify(await response.json())}`);
process.exit(0);
export {};
