// drizzle-kit configuration for the postgres schema: `npm run db:generate` writes migrations to drizzle/postgres/.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema/postgres.ts',
  out: './drizzle/postgres',
});
