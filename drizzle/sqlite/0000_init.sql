CREATE TABLE `daily_energy` (
	`pdl` text NOT NULL,
	`direction` text NOT NULL,
	`date` text NOT NULL,
	`wh` integer NOT NULL,
	PRIMARY KEY(`pdl`, `direction`, `date`)
);
--> statement-breakpoint
CREATE TABLE `day_attempts` (
	`pdl` text NOT NULL,
	`stream` text NOT NULL,
	`date` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_attempt_at` integer NOT NULL,
	`next_retry_at` integer,
	`last_error` text,
	PRIMARY KEY(`pdl`, `stream`, `date`)
);
--> statement-breakpoint
CREATE TABLE `ecowatt_signals` (
	`date` text PRIMARY KEY NOT NULL,
	`level` integer NOT NULL,
	`message` text NOT NULL,
	`hourly` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exporter_cursors` (
	`exporter` text NOT NULL,
	`cursor_key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`exporter`, `cursor_key`)
);
--> statement-breakpoint
CREATE TABLE `load_curve` (
	`pdl` text NOT NULL,
	`direction` text NOT NULL,
	`start_utc` integer NOT NULL,
	`minutes` integer NOT NULL,
	`w` integer NOT NULL,
	PRIMARY KEY(`pdl`, `direction`, `start_utc`)
);
--> statement-breakpoint
CREATE TABLE `max_power` (
	`pdl` text NOT NULL,
	`date` text NOT NULL,
	`va` integer NOT NULL,
	`peak_at` integer NOT NULL,
	PRIMARY KEY(`pdl`, `date`)
);
--> statement-breakpoint
CREATE TABLE `stream_state` (
	`pdl` text NOT NULL,
	`stream` text NOT NULL,
	`last_success_at` integer,
	`last_attempt_at` integer,
	`last_error` text,
	PRIMARY KEY(`pdl`, `stream`)
);
--> statement-breakpoint
CREATE TABLE `tempo_days` (
	`date` text PRIMARY KEY NOT NULL,
	`color` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `usage_points` (
	`pdl` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`name` text,
	`subscribed_power_kva` real,
	`offpeak_hours` text NOT NULL,
	`pricing_option` text,
	`has_consumption` integer NOT NULL,
	`has_production` integer NOT NULL,
	`is_active` integer NOT NULL,
	`activation_date` text,
	`oldest_available_data_date` text,
	`linked_production_pdl_id` text,
	`contract` text,
	`address` text,
	`last_seen_at` integer
);
