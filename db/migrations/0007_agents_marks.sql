CREATE TABLE `triage_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`language` text NOT NULL,
	`faq_id` integer,
	`reason` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`marked_by` integer,
	`reviewed_by` integer,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`faq_id`) REFERENCES `faq_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "triage_marks_kind_check" CHECK(("triage_marks"."kind" = 'answerable' and "triage_marks"."faq_id" is not null) or ("triage_marks"."kind" = 'needs_person' and "triage_marks"."reason" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `triage_marks_unique` ON `triage_marks` (`conversation_id`,`kind`,`text`);--> statement-breakpoint
CREATE INDEX `triage_marks_status_idx` ON `triage_marks` (`status`);