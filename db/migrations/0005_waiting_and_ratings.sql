CREATE TABLE `pickups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`skill` text NOT NULL,
	`language` text NOT NULL,
	`queued_at` integer NOT NULL,
	`picked_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pickups_picked_at_idx` ON `pickups` (`picked_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visitor_id` integer NOT NULL,
	`status` text DEFAULT 'bot' NOT NULL,
	`assignee_id` integer,
	`handoff` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`skill` text,
	`language` text,
	`queued_at` integer,
	`page_url` text,
	`page_title` text,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`customer_messages` integer DEFAULT 0 NOT NULL,
	`rating` integer,
	`rating_comment` text,
	`rated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "conversations_rating_check" CHECK("__new_conversations"."rating" between 1 and 5),
	CONSTRAINT "conversations_status_check" CHECK("__new_conversations"."status" in ('bot','queued','assigned','resolved')),
	CONSTRAINT "conversations_assignee_check" CHECK(("__new_conversations"."status" = 'assigned') = ("__new_conversations"."assignee_id" is not null) or "__new_conversations"."status" = 'resolved')
);
--> statement-breakpoint
INSERT INTO `__new_conversations`("id", "visitor_id", "status", "assignee_id", "handoff", "priority", "skill", "language", "queued_at", "page_url", "page_title", "last_seq", "customer_messages", "created_at", "updated_at") SELECT "id", "visitor_id", "status", "assignee_id", "handoff", "priority", "skill", "language", "queued_at", "page_url", "page_title", "last_seq", "customer_messages", "created_at", "updated_at" FROM `conversations`;--> statement-breakpoint
DROP TABLE `conversations`;--> statement-breakpoint
ALTER TABLE `__new_conversations` RENAME TO `conversations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `conversations_visitor_idx` ON `conversations` (`visitor_id`,`id`);--> statement-breakpoint
CREATE INDEX `conversations_status_idx` ON `conversations` (`status`,`priority`,`updated_at`);--> statement-breakpoint
CREATE INDEX `conversations_assignee_idx` ON `conversations` (`assignee_id`,`status`);--> statement-breakpoint
ALTER TABLE `visitors` ADD `contact_email` text;