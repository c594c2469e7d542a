CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`agent_id` integer,
	`action` text NOT NULL,
	`target` text,
	`data` text,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
DROP INDEX `visitors_token_hash_unique`;--> statement-breakpoint
ALTER TABLE `visitors` DROP COLUMN `token_hash`;--> statement-breakpoint
ALTER TABLE `agents` ADD `active` integer DEFAULT true NOT NULL;