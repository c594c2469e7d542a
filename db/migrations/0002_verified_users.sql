ALTER TABLE `visitors` ADD `user_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_user_id_unique` ON `visitors` (`user_id`);