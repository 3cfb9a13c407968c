// drizzle-kit configuration for the mysql schema: `npm run db:generate` writes migrations to drizzle/mysql/.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  schema: './src/store/schema/mysql.ts',
  out: './drizzle/mysql',
});
