import { readConfig } from "./config.ts";
import { startServer } from "./server.ts";

const config = readConfig();
const server = await startServer(config);

console.log(`Demo shop with the chat widget: ${server.url}/`);
console.log(`Agent inbox:                    ${server.url}/inbox`);
if (server.seeded?.generatedPassword) {
  console.log(`Admin sign-in: ${config.adminEmail} / ${server.seeded.generatedPassword}`);
  console.log(
    "(generated for this new database and shown only once; set ADMIN_PASSWORD to choose it)",
  );
} else if (server.seeded) {
  console.log(`Admin sign-in: ${config.adminEmail} with the password from ADMIN_PASSWORD`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("shutdown failed", error);
        process.exit(1);
      },
    );
  });
}
