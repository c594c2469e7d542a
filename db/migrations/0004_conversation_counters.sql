ALTER TABLE `conversations` ADD `customer_messages` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Conversations that already exist start from their transcript's count.
UPDATE `conversations` SET `customer_messages` = (SELECT count(*) FROM `messages` WHERE `messages`.`conversation_id` = `conversations`.`id` AND `messages`.`author` = 'customer');
