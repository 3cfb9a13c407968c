CREATE TABLE `daily_energy` (
	`pdl` varchar(32) NOT NULL,
	`direction` varchar(16) NOT NULL,
	`date` varchar(10) NOT NULL,
	`wh` bigint NOT NULL,
	CONSTRAINT `daily_energy_pdl_direction_date_pk` PRIMARY KEY(`pdl`,`direction`,`date`)
);
--> statement-breakpoint
CREATE TABLE `day_attempts` (
	`pdl` varchar(32) NOT NULL,
	`stream` varchar(32) NOT NULL,
	`date` varchar(10) NOT NULL,
	`attempts` int NOT NULL,
	`last_attempt_at` bigint NOT NULL,
	`next_retry_at` bigint,
	`last_error` text,
	CONSTRAINT `day_attempts_pdl_stream_date_pk` PRIMARY KEY(`pdl`,`stream`,`date`)
);
--> statement-breakpoint
CREATE TABLE `ecowatt_signals` (
	`date` varchar(10) NOT NULL,
	`level` int NOT NULL,
	`message` text NOT NULL,
	`hourly` text NOT NULL,
	CONSTRAINT `ecowatt_signals_date` PRIMARY KEY(`date`)
);
--> statement-breakpoint
CREATE TABLE `exporter_cursors` (
	`exporter` varchar(64) NOT NULL,
	`cursor_key` varchar(191) NOT NULL,
	`value` text NOT NULL,
	CONSTRAINT `exporter_cursors_exporter_cursor_key_pk` PRIMARY KEY(`exporter`,`cursor_key`)
);
--> statement-breakpoint
CREATE TABLE `load_curve` (
	`pdl` varchar(32) NOT NULL,
	`direction` varchar(16) NOT NULL,
	`start_utc` bigint NOT NULL,
	`minutes` int NOT NULL,
	`w` int NOT NULL,
	CONSTRAINT `load_curve_pdl_direction_start_utc_pk` PRIMARY KEY(`pdl`,`direction`,`start_utc`)
);
--> statement-breakpoint
CREATE TABLE `max_power` (
	`pdl` varchar(32) NOT NULL,
	`date` varchar(10) NOT NULL,
	`va` int NOT NULL,
	`peak_at` bigint NOT NULL,
	CONSTRAINT `max_power_pdl_date_pk` PRIMARY KEY(`pdl`,`date`)
);
--> statement-breakpoint
CREATE TABLE `stream_state` (
	`pdl` varchar(32) NOT NULL,
	`stream` varchar(32) NOT NULL,
	`last_success_at` bigint,
	`last_attempt_at` bigint,
	`last_error` text,
	CONSTRAINT `stream_state_pdl_stream_pk` PRIMARY KEY(`pdl`,`stream`)
);
--> statement-breakpoint
CREATE TABLE `tempo_days` (
	`date` varchar(10) NOT NULL,
	`color` varchar(8) NOT NULL,
	CONSTRAINT `tempo_days_date` PRIMARY KEY(`date`)
);
--> statement-breakpoint
CREATE TABLE `usage_points` (
	`pdl` varchar(32) NOT NULL,
	`id` varchar(64) NOT NULL,
	`name` text,
	`subscribed_power_kva` double,
	`offpeak_hours` text NOT NULL,
	`pricing_option` varchar(32),
	`has_consumption` boolean NOT NULL,
	`has_production` boolean NOT NULL,
	`is_active` boolean NOT NULL,
	`activation_date` varchar(10),
	`oldest_available_data_date` varchar(10),
	`linked_production_pdl_id` varchar(64),
	`contract` text,
	`address` text,
	`last_seen_at` bigint,
	CONSTRAINT `usage_points_pdl` PRIMARY KEY(`pdl`)
);
