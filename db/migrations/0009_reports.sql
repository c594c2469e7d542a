CREATE TABLE `agent_presence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agent_presence_agent_idx` ON `agent_presence` (`agent_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `agent_presence_started_idx` ON `agent_presence` (`started_at`);--> statement-breakpoint
CREATE INDEX `conversation_events_at_idx` ON `conversation_events` (`at`);--> statement-breakpoint
CREATE INDEX `messages_agent_reply_idx` ON `messages` (`conversation_id`,`created_at`) WHERE "messages"."author" = 'agent' and "messages"."internal" = 0;--> statement-breakpoint
-- The bot's earlier answers become "answered" events, so reports cover the time before them.
INSERT INTO `conversation_events` (`conversation_id`, `type`, `actor`, `data`, `at`) SELECT `conversation_id`, 'answered', 'bot', json_object('faqId', `faq_id`), `created_at` FROM `messages` WHERE `author` = 'bot' AND `faq_id` IS NOT NULL ORDER BY `id`;
