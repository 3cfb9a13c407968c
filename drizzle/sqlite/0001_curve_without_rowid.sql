-- Written by hand (drizzle-kit cannot express WITHOUT ROWID): the load curve keyed by its primary key
-- alone, one B-tree instead of a table plus its key index, so bulk upserts write half the pages.
CREATE TABLE `load_curve_keyed` (
	`pdl` text NOT NULL,
	`direction` text NOT NULL,
	`start_utc` integer NOT NULL,
	`minutes` integer NOT NULL,
	`w` integer NOT NULL,
	PRIMARY KEY(`pdl`, `direction`, `start_utc`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `load_curve_keyed` (`pdl`, `direction`, `start_utc`, `minutes`, `w`)
	SELECT `pdl`, `direction`, `start_utc`, `minutes`, `w` FROM `load_curve`;
--> statement-breakpoint
DROP TABLE `load_curve`;
--> statement-breakpoint
ALTER TABLE `load_curve_keyed` RENAME TO `load_curve`;
