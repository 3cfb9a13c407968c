// drizzle-kit configuration for the sqlite schema: `npm run db:generate` writes migrations to drizzle/sqlite/.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/store/schema/sqlite.ts',
  out: './drizzle/sqlite',
});
